-- KPI satisfaction_rate — 满意率, for transferred appeals versus the others.
--   Numerator:   appeals rated satisfied or basically satisfied (满意 + 基本满意).
--   Denominator: appeals with a rating (satisfied, basic or dissatisfied).
--   Breakdown:   transferred | other (as response_rate).   Time: received_at.   District: the appeal's.
--   Exclusions:  appeals without a rating.
CREATE OR REPLACE TEMP VIEW kpi_satisfaction_rate AS
SELECT 'satisfaction_rate' AS kpi, platform, appeal_id, NULL::INTEGER AS seq, received_at AS attributed_at, received_day AS attributed_day, district,
  CASE WHEN platform_transferred THEN 'transferred' ELSE 'other' END AS breakdown,
  (satisfaction IN ('satisfied', 'basic'))::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM appeal_signals WHERE satisfaction IS NOT NULL;
