-- KPI resolution_rate — 解决率, for transferred appeals versus the others.
--   Numerator:   appeals recorded as resolved (resolved = true).
--   Denominator: appeals with a recorded resolution flag (true or false).
--   Breakdown:   transferred | other (as response_rate).   Time: received_at.   District: the appeal's.
--   Exclusions:  appeals without a resolution flag (open ones, sources that do not record it).
CREATE OR REPLACE TEMP VIEW kpi_resolution_rate AS
SELECT 'resolution_rate' AS kpi, platform, appeal_id, NULL::INTEGER AS seq, received_at AS attributed_at, received_day AS attributed_day, district,
  CASE WHEN platform_transferred THEN 'transferred' ELSE 'other' END AS breakdown,
  resolved::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM appeal_signals WHERE resolved IS NOT NULL;
