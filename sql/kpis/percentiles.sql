-- Percentile KPIs per period from kpi_percentiles: periods of unit $period starting in [$from, $to),
-- all districts together, or per district when $by_district (only $district when given).
SELECT kpi, strftime(period_start, '%Y-%m-%d') AS period, district, breakdown, total,
  n AS numerator, NULL::INTEGER AS denominator, p50, p90
FROM kpi_percentiles
WHERE period_unit = $period
  AND period_start >= CAST($from AS DATE) AND period_start < CAST($to AS DATE)
  AND by_district = $by_district
  AND ($district IS NULL OR district = $district)
ORDER BY kpi, period, district, total DESC, breakdown;
