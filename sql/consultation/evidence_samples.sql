-- Evidence for agenda topics: the $limit appeals most typical of each topic in the window (highest
-- assignment similarity), texts masked again on the way out.
-- Appeals that praise or thank are left out (appeal_signals.is_praise), as in the topic scores.
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id)
SELECT tp.topic_id, a.platform, a.appeal_id, strftime(a.received_at, '%Y-%m-%d %H:%M') AS received_at, a.district,
  mask_pii(left(CASE WHEN nz(a.title) IS NULL THEN a.content ELSE a.title || '：' || a.content END, 240)) AS text
FROM appeal_topics tp
JOIN wanted USING (topic_id)
JOIN appeals a ON a.platform = tp.platform AND a.appeal_id = tp.appeal_id
ANTI JOIN appeal_signals ps ON ps.platform = a.platform AND ps.appeal_id = a.appeal_id AND ps.is_praise
WHERE a.received_at >= CAST($from AS DATE) AND a.received_at < CAST($to AS DATE) + 1
QUALIFY row_number() OVER (PARTITION BY tp.topic_id ORDER BY tp.similarity DESC, a.received_at DESC, a.appeal_id) <= $limit
ORDER BY tp.topic_id, tp.similarity DESC, a.received_at DESC, a.appeal_id;
