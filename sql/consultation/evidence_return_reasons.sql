-- Evidence for agenda topics: the reasons units gave when returning the topic's appeals (masked),
-- the $limit commonest per topic.
-- Appeals that praise or thank are left out (appeal_signals.is_praise), as in the topic scores.
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id)
SELECT tp.topic_id, mask_pii(coalesce(nz(t.reason), '（未说明）')) AS reason, count(*)::INTEGER AS transfers
FROM appeal_topics tp
JOIN wanted USING (topic_id)
JOIN appeals a ON a.platform = tp.platform AND a.appeal_id = tp.appeal_id
ANTI JOIN appeal_signals ps ON ps.platform = a.platform AND ps.appeal_id = a.appeal_id AND ps.is_praise
JOIN transfers t ON t.platform = a.platform AND t.appeal_id = a.appeal_id
WHERE a.received_at >= CAST($from AS DATE) AND a.received_at < CAST($to AS DATE) + 1
  AND t.outcome = 'returned'
GROUP BY tp.topic_id, reason
QUALIFY row_number() OVER (PARTITION BY tp.topic_id ORDER BY transfers DESC, reason) <= $limit
ORDER BY tp.topic_id, transfers DESC, reason;
