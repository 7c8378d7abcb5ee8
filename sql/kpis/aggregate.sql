-- Counts and rates per period ($period: day | week | month | quarter; weeks start on Monday) from the
-- daily rollup, over the local dates [$from, $to) (whole periods), optionally one $district, split by
-- district when $by_district. Each KPI gets a total row (total = true) and, when it has a breakdown,
-- one row per breakdown value.
WITH m AS (
  SELECT kpi, date_trunc($period, day) AS period_start, CASE WHEN $by_district THEN district END AS district,
    breakdown, num, den
  FROM kpi_daily
  WHERE day >= CAST($from AS DATE) AND day < CAST($to AS DATE)
    AND ($district IS NULL OR district = $district)
)
SELECT kpi, strftime(period_start, '%Y-%m-%d') AS period, district, breakdown,
  grouping(breakdown) = 1 AS total,
  sum(num)::INTEGER AS numerator,
  sum(den)::INTEGER AS denominator,
  NULL::DOUBLE AS p50, NULL::DOUBLE AS p90
FROM m
GROUP BY GROUPING SETS ((kpi, period_start, district, breakdown), (kpi, period_start, district))
HAVING grouping(breakdown) = 1 OR breakdown IS NOT NULL
ORDER BY kpi, period, district, total DESC, breakdown;
