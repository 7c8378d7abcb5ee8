-- KPIs dispatch_accept_minutes_p50 / dispatch_accept_minutes_p90 — minutes until a handling unit
-- signs for a dispatched work order (签收时长), median and 90th percentile.
--   Measure:     accepted_at − sent_at in minutes, for every dispatch to a unit with an acceptance time
--                (also those the unit later returned: signing for it is what is timed).
--   Time:        sent_at.   District: the appeal's district.
--   Exclusions:  dispatches never signed for; negative durations (clock errors).
CREATE OR REPLACE TEMP VIEW kpi_dispatch_accept_minutes AS
SELECT 'dispatch_accept_minutes' AS kpi, platform, appeal_id, seq, sent_at AS attributed_at, sent_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, 1 AS num, NULL::INTEGER AS den, accept_minutes AS measure
FROM transfer_facts WHERE link = 'dispatch' AND accept_minutes >= 0;
