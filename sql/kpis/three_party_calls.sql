-- KPI three_party_calls — three-party calls (三方通话) between caller, 12345 and 110, by outcome.
--   Counts:      transfers made by three-party call (method 'three_party_call'), one per transfer row.
--   Breakdown:   outcome (accepted | negotiated | returned | pending).
--   Time:        sent_at.   District: the appeal's district.   Exclusions: none.
CREATE OR REPLACE TEMP VIEW kpi_three_party_calls AS
SELECT 'three_party_calls' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  outcome AS breakdown, 1 AS num, NULL::INTEGER AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE method = 'three_party_call';
