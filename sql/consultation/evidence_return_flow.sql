-- Evidence for agenda topics: who returned the topic's appeals to whom. A flow from → to counts
-- transfers to `from` that ended returned and were followed by a transfer to `to` (the next
-- hand-over of the same appeal). The $limit largest flows per topic.
-- Appeals that praise or thank are left out (appeal_signals.is_praise), as in the topic scores.
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id),
ta AS (
  SELECT tp.topic_id, a.platform, a.appeal_id
  FROM appeal_topics tp
  JOIN wanted USING (topic_id)
  JOIN appeals a ON a.platform = tp.platform AND a.appeal_id = tp.appeal_id
  ANTI JOIN appeal_signals ps ON ps.platform = a.platform AND ps.appeal_id = a.appeal_id AND ps.is_praise
  WHERE a.received_at >= CAST($from AS DATE) AND a.received_at < CAST($to AS DATE) + 1
),
chain AS (
  SELECT ta.topic_id, t.to_party, t.outcome,
    lead(t.to_party) OVER (PARTITION BY t.platform, t.appeal_id ORDER BY t.seq) AS next_party
  FROM ta JOIN transfers t ON t.platform = ta.platform AND t.appeal_id = ta.appeal_id
)
SELECT topic_id, to_party AS from_unit, next_party AS to_unit, count(*)::INTEGER AS transfers
FROM chain
WHERE outcome = 'returned' AND next_party IS NOT NULL
GROUP BY topic_id, to_party, next_party
QUALIFY row_number() OVER (PARTITION BY topic_id ORDER BY transfers DESC, from_unit, to_unit) <= $limit
ORDER BY topic_id, transfers DESC, from_unit, to_unit;
