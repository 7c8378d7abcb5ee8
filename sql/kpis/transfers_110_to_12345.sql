-- KPI transfers_110_to_12345 — 110 → 12345 transfers (非警务警情转12345), by method.
--   Counts:      every hand-over from the 110 platform to the 12345 platform (transfers.from_party = '110',
--                to_party = '12345'), whatever its outcome; one per transfer row, so a record handed over
--                twice counts twice.
--   Breakdown:   method (one_click | online | three_party_call | dispatch).
--   Time:        the transfer's sent_at.   District: the appeal's district.
--   Exclusions:  none.
CREATE OR REPLACE TEMP VIEW kpi_transfers_110_to_12345 AS
SELECT 'transfers_110_to_12345' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  method AS breakdown, 1 AS num, NULL::INTEGER AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = '110→12345';
