-- disputed_topics_open / disputed_topics_decided per period (and district); definition in
-- sql/kpis/disputed_topics.sql. Params as sql/kpis/aggregate.sql plus $min_appeals, $min_share.
WITH d AS (
  SELECT * FROM kpi_disputed_topics($period, $from, $to, $district, $by_district, $min_appeals, $min_share)
)
SELECT kpi, strftime(period_start, '%Y-%m-%d') AS period, district, NULL::VARCHAR AS breakdown, true AS total,
  count(*) FILTER (WHERE decided = (kpi = 'disputed_topics_decided'))::INTEGER AS numerator,
  NULL::INTEGER AS denominator, NULL::DOUBLE AS p50, NULL::DOUBLE AS p90
FROM d CROSS JOIN (VALUES ('disputed_topics_open'), ('disputed_topics_decided')) k(kpi)
GROUP BY ALL
ORDER BY kpi, period, district;
