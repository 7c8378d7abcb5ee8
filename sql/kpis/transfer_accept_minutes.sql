-- KPIs transfer_accept_minutes_p50 / transfer_accept_minutes_p90 — minutes to acceptance of
-- 12345 ↔ 110 transfers (转办签收时长), median and 90th percentile (linear interpolation).
--   Measure:     accepted_at − sent_at in minutes, for transfers between 12345 and 110 that were accepted.
--   Count shown: the number of accepted transfers measured.
--   Breakdown:   direction.   Time: sent_at.   District: the appeal's district.
--   Exclusions:  transfers not accepted, or without an acceptance time; negative durations (clock errors).
CREATE OR REPLACE TEMP VIEW kpi_transfer_accept_minutes AS
SELECT 'transfer_accept_minutes' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  link AS breakdown, 1 AS num, NULL::INTEGER AS den, accept_minutes AS measure
FROM transfer_facts
WHERE link IN ('110→12345', '12345→110') AND outcome = 'accepted' AND accept_minutes >= 0;
