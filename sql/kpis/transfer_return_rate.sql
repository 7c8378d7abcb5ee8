-- KPI transfer_return_rate — return rate of 12345 ↔ 110 transfers (转办退回率).
--   Numerator:   transfers between 12345 and 110 the receiving platform sent back (outcome 'returned').
--   Denominator: as transfer_acceptance_rate: such transfers with outcome accepted, returned or negotiated.
--   Breakdown:   direction.   Time: sent_at.   District: the appeal's district.
--   Exclusions:  transfers still pending.
CREATE OR REPLACE TEMP VIEW kpi_transfer_return_rate AS
SELECT 'transfer_return_rate' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  link AS breakdown, (outcome = 'returned')::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link IN ('110→12345', '12345→110') AND outcome <> 'pending';
