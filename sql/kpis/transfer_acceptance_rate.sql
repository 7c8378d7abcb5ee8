-- KPI transfer_acceptance_rate — acceptance rate of 12345 ↔ 110 transfers (转办签收率).
--   Numerator:   transfers between 12345 and 110 the receiving platform accepted (outcome 'accepted').
--   Denominator: transfers between 12345 and 110 with an outcome: accepted, returned or negotiated
--                (a hand-over settled by a three-party call counts against acceptance).
--   Breakdown:   direction (110→12345 | 12345→110).   Time: sent_at.   District: the appeal's district.
--   Exclusions:  transfers still pending.
CREATE OR REPLACE TEMP VIEW kpi_transfer_acceptance_rate AS
SELECT 'transfer_acceptance_rate' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  link AS breakdown, (outcome = 'accepted')::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link IN ('110→12345', '12345→110') AND outcome <> 'pending';
