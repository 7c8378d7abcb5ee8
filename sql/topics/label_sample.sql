-- A sample of each topic's appeals for finding its label ($ids: JSON list; $n per topic): chosen by
-- a hash of the key, so it is an even spread over the topic that never depends on row order.
WITH wanted AS (
  SELECT unnest(from_json($ids, '["INTEGER"]')) AS topic_id
),
picked AS (
  SELECT t.topic_id, t.platform, t.appeal_id
  FROM appeal_topics t SEMI JOIN wanted w ON w.topic_id = t.topic_id
  QUALIFY row_number() OVER (PARTITION BY t.topic_id ORDER BY hash(t.platform, t.appeal_id), t.platform, t.appeal_id) <= $n
)
SELECT p.topic_id, coalesce(a.title, '') AS title, coalesce(a.title, '') || '。' || a.content AS text
FROM picked p JOIN appeals a USING (platform, appeal_id)
ORDER BY p.topic_id, hash(p.platform, p.appeal_id), p.platform, p.appeal_id;
