-- KPI functional_return_rate — functional returns per dispatch (职能争议退单率): the part of the
-- return rate that signals unclear responsibility.
--   Numerator:   returned dispatches classified functional (another kind of unit's job: 职能交叉,
--                不属于我单位职责 …, or the next unit was of another kind; see sql/disputes/refresh_signals.sql).
--   Denominator: dispatches to a unit with an outcome (as dispatch_return_rate).
--   Time:        sent_at.   District: the appeal's district.   Exclusions: dispatches still pending.
CREATE OR REPLACE TEMP VIEW kpi_functional_return_rate AS
SELECT 'functional_return_rate' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, coalesce(return_class = 'functional', false)::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = 'dispatch' AND outcome <> 'pending';
