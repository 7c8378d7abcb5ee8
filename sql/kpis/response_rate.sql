-- KPI response_rate — 响应率, for appeals transferred between 12345 and 110 versus the others.
--   Numerator:   appeals whose caller was contacted within the platform's time limit (responded = true).
--   Denominator: appeals with a recorded response flag (responded true or false).
--   Breakdown:   transferred (any 12345 ↔ 110 transfer) | other.
--   Time:        received_at.   District: the appeal's district.
--   Exclusions:  appeals without a response flag (e.g. 110 incidents, sources that do not record it).
CREATE OR REPLACE TEMP VIEW kpi_response_rate AS
SELECT 'response_rate' AS kpi, platform, appeal_id, NULL::INTEGER AS seq, received_at AS attributed_at, received_day AS attributed_day, district,
  CASE WHEN platform_transferred THEN 'transferred' ELSE 'other' END AS breakdown,
  responded::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM appeal_signals WHERE responded IS NOT NULL;
