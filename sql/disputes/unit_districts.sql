-- The districts a unit may be placed in: those the appeals and the units already name.
SELECT district FROM (
  SELECT DISTINCT district FROM appeals WHERE district IS NOT NULL
  UNION
  SELECT DISTINCT district FROM units WHERE district IS NOT NULL
)
ORDER BY district;
