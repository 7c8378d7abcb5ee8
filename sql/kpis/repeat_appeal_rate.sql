-- KPI repeat_appeal_rate — repeat-appeal rate (重复来电率).
--   Numerator:   appeals from a caller who had appealed about the same topic within the previous
--                repeatDays days (30 by default; pipelines/disputes/rules/score-config.json).
--   Denominator: appeals with a caller key that the topic engine assigned to a topic.
--   Time:        received_at.   District: the appeal's district.
--   Exclusions:  anonymous appeals (no caller key) and appeals in no topic (their sameness is unknown).
CREATE OR REPLACE TEMP VIEW kpi_repeat_appeal_rate AS
SELECT 'repeat_appeal_rate' AS kpi, platform, appeal_id, NULL::INTEGER AS seq, received_at AS attributed_at, received_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, sig_repeat_caller::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM appeal_signals WHERE has_caller AND topic_id IS NOT NULL;
