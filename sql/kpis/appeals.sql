-- Drill-down: the appeals (and transfers) behind one member-view KPI value: $kpi (member view id),
-- the period starting $period_start for $period, optionally $district and $breakdown; numerator rows
-- first. $limit/$offset page through them; total is the number of rows before paging.
WITH m AS (
  SELECT platform, appeal_id, seq, attributed_at, district, breakdown, num, den, measure
  FROM kpi_members
  WHERE kpi = $kpi
    AND attributed_day >= CAST($period_start AS DATE)
    AND attributed_day < CAST($period_start AS DATE) + period_step($period)
    AND ($district IS NULL OR district = $district)
    AND ($breakdown IS NULL OR breakdown = $breakdown)
)
SELECT platform, appeal_id, seq, strftime(attributed_at, '%Y-%m-%d %H:%M') AS attributed_at, district, breakdown,
  num = 1 AS in_numerator, den = 1 AS in_denominator, measure, count(*) OVER () AS total
FROM m
ORDER BY num DESC, attributed_at, platform, appeal_id, seq
LIMIT $limit OFFSET $offset;
