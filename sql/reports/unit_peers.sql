-- The same measures for all units of the unit's kind (its peers, the unit included), over the same
-- window [$from, $to), so a unit head sees where the unit stands: return rate = returned / received
-- hand-overs; hours = median hours from sending to acceptance over accepted hand-overs.
SELECT u.kind,
  count(DISTINCT t.to_party)::INTEGER AS units,
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE t.outcome = 'returned')::INTEGER AS returned,
  quantile_cont(t.accept_minutes, 0.5) FILTER (WHERE t.outcome = 'accepted') / 60 AS hours_p50
FROM transfer_facts t
JOIN units u ON u.name = t.to_party
WHERE u.kind = (SELECT kind FROM units WHERE name = $unit)
  AND t.sent_at >= CAST($from AS TIMESTAMPTZ) AND t.sent_at < CAST($to AS TIMESTAMPTZ)
GROUP BY u.kind;
