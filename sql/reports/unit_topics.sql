-- Topics whose appeals were sent to unit $unit in [$from, $to): hand-overs to the unit, how many it
-- returned, and the distinct appeals involved.
SELECT s.topic_id,
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE f.outcome = 'returned')::INTEGER AS returned,
  count(DISTINCT (f.platform, f.appeal_id))::INTEGER AS appeals
FROM transfer_facts f
JOIN appeal_signals s USING (platform, appeal_id)
WHERE f.to_party = $unit AND s.topic_id IS NOT NULL
  AND f.sent_at >= CAST($from AS TIMESTAMPTZ) AND f.sent_at < CAST($to AS TIMESTAMPTZ)
GROUP BY s.topic_id;
