-- KPI dispatch_return_rate — return rate of work orders dispatched to handling units (派单退回率).
--   Numerator:   dispatches to a unit (not to a platform or hotline) that the unit returned.
--   Denominator: dispatches to a unit with an outcome (accepted, returned or negotiated).
--   Time:        sent_at.   District: the appeal's district.   Exclusions: dispatches still pending.
CREATE OR REPLACE TEMP VIEW kpi_dispatch_return_rate AS
SELECT 'dispatch_return_rate' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, (outcome = 'returned')::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = 'dispatch' AND outcome <> 'pending';
