-- KPI emergency_linkages — emergency linkages (应急联动) with 119, 120, 122 and the water, power, gas
-- and heating hotlines, by party.
--   Counts:      transfers to or from one of those parties (either direction), one per transfer row.
--   Breakdown:   the party (119 | 120 | 122 | water | power | gas | heat).
--   Time:        sent_at.   District: the appeal's district.   Exclusions: none.
CREATE OR REPLACE TEMP VIEW kpi_emergency_linkages AS
SELECT 'emergency_linkages' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  emergency_party AS breakdown, 1 AS num, NULL::INTEGER AS den, NULL::DOUBLE AS measure
FROM transfer_facts WHERE link = 'emergency';
