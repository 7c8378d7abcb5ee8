-- KPI territorial_misroute_rate — dispatch-quality: work orders sent to the wrong district's unit
-- (属地不符派错率). Not a dispute signal: the same kind of unit in another district should have had it.
--   Numerator:   returned dispatches classified territorial (reason 属地不符 / 不属于我辖区 …, or the
--                next unit was of the same kind).
--   Denominator: dispatches to a unit with an outcome (as dispatch_return_rate).
--   Time:        sent_at.   District: the appeal's district.   Exclusions: dispatches still pending.
CREATE OR REPLACE TEMP VIEW kpi_territorial_misroute_rate AS
SELECT 'territorial_misroute_rate' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, coalesce(return_class = 'territorial', false)::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = 'dispatch' AND outcome <> 'pending';
