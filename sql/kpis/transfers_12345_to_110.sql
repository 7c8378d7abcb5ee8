-- KPI transfers_12345_to_110 — 12345 → 110 transfers (涉警/紧急事项推送110), by method.
--   Counts:      every hand-over from 12345 to 110 (from_party = '12345', to_party = '110'), whatever its
--                outcome; one per transfer row.
--   Breakdown:   method.   Time: sent_at.   District: the appeal's district.   Exclusions: none.
CREATE OR REPLACE TEMP VIEW kpi_transfers_12345_to_110 AS
SELECT 'transfers_12345_to_110' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  method AS breakdown, 1 AS num, NULL::INTEGER AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = '12345→110';
