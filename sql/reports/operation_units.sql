-- Per handling unit in the report period [$cur_from, $cur_to) — the usual 通报 unit table:
--   dispatched / accepted / returned   dispatches to the unit (transfer_facts link = 'dispatch'), by sent_at
--   return_rate       returned / dispatched; prev_return_rate the same in [$prev_from, $prev_to) (环比)
--   hours_p50         median hours from sending to the unit's acceptance, accepted dispatches
--   owned             appeals received in the period whose final owner is the unit (appeal_signals)
--   closed            owned appeals with a closing time; resolved / dissatisfied over those with a value
-- The $limit units with the most dispatches.
WITH d AS (
  SELECT to_party AS unit,
    count(*) FILTER (WHERE sent_at >= CAST($cur_from AS TIMESTAMPTZ))::INTEGER AS dispatched,
    count(*) FILTER (WHERE sent_at >= CAST($cur_from AS TIMESTAMPTZ) AND outcome = 'accepted')::INTEGER AS accepted,
    count(*) FILTER (WHERE sent_at >= CAST($cur_from AS TIMESTAMPTZ) AND outcome = 'returned')::INTEGER AS returned,
    count(*) FILTER (WHERE sent_at < CAST($prev_to AS TIMESTAMPTZ))::INTEGER AS prev_dispatched,
    count(*) FILTER (WHERE sent_at < CAST($prev_to AS TIMESTAMPTZ) AND outcome = 'returned')::INTEGER AS prev_returned,
    quantile_cont(accept_minutes, 0.5) FILTER (WHERE sent_at >= CAST($cur_from AS TIMESTAMPTZ) AND outcome = 'accepted') / 60 AS hours_p50
  FROM transfer_facts
  WHERE link = 'dispatch' AND sent_at >= CAST($prev_from AS TIMESTAMPTZ) AND sent_at < CAST($cur_to AS TIMESTAMPTZ)
  GROUP BY to_party
),
o AS (
  SELECT owner_unit AS unit,
    count(*)::INTEGER AS owned,
    count(*) FILTER (WHERE a.closed_at IS NOT NULL)::INTEGER AS closed,
    count(s.resolved)::INTEGER AS rated_resolved,
    count(*) FILTER (WHERE s.resolved)::INTEGER AS resolved,
    count(s.satisfaction)::INTEGER AS rated,
    count(*) FILTER (WHERE s.satisfaction = 'dissatisfied')::INTEGER AS dissatisfied
  FROM appeal_signals s JOIN appeals a USING (platform, appeal_id)
  WHERE s.owner_unit IS NOT NULL AND s.received_at >= CAST($cur_from AS TIMESTAMPTZ) AND s.received_at < CAST($cur_to AS TIMESTAMPTZ)
  GROUP BY owner_unit
)
SELECT d.unit, u.kind, d.dispatched, d.accepted, d.returned,
  d.returned / nullif(d.dispatched, 0) AS return_rate,
  d.prev_returned / nullif(d.prev_dispatched, 0) AS prev_return_rate,
  d.hours_p50,
  coalesce(o.owned, 0)::INTEGER AS owned, coalesce(o.closed, 0)::INTEGER AS closed,
  o.resolved / nullif(o.rated_resolved, 0) AS resolution_rate,
  o.dissatisfied / nullif(o.rated, 0) AS dissatisfaction_rate
FROM d
LEFT JOIN o USING (unit)
LEFT JOIN units u ON u.name = d.unit
WHERE d.dispatched > 0
ORDER BY d.dispatched DESC, d.unit
LIMIT $limit;
