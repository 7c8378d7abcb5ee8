-- Values the filters offer: platforms and districts, with their appeal counts.
SELECT 'platform' AS facet, platform AS value, count(*)::INTEGER AS appeals FROM appeals GROUP BY platform
UNION ALL
SELECT 'district', district, count(*)::INTEGER FROM appeals WHERE district IS NOT NULL GROUP BY district
ORDER BY facet, appeals DESC, value;
