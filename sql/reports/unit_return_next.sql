-- Where appeals went after unit $unit returned them (the next hand-over of the same appeal), for
-- hand-overs sent in [$from, $to); the 10 commonest next parties, with how many of them kept it.
WITH chain AS (
  SELECT platform, appeal_id, seq, to_party, outcome, sent_at,
    lead(to_party) OVER w AS next_party,
    lead(outcome) OVER w AS next_outcome
  FROM transfer_facts
  WINDOW w AS (PARTITION BY platform, appeal_id ORDER BY seq)
)
SELECT next_party, count(*)::INTEGER AS returns, count(*) FILTER (WHERE next_outcome = 'accepted')::INTEGER AS accepted_next
FROM chain
WHERE to_party = $unit AND outcome = 'returned' AND next_party IS NOT NULL
  AND sent_at >= CAST($from AS TIMESTAMPTZ) AND sent_at < CAST($to AS TIMESTAMPTZ)
GROUP BY next_party
ORDER BY returns DESC, next_party
LIMIT 10;
