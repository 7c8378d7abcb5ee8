-- A sample of each topic's appeals for finding its label ($ids: JSON list; $n per topic): those
-- with the smallest hash of their key, so it is an even spread over the topic that never depends
-- on row order (a top-n aggregate, no sort of the whole table).
WITH wanted AS (
  SELECT unnest(from_json($ids, '["INTEGER"]')) AS topic_id
),
picked AS (
  SELECT topic_id, unnest(min_by({'platform': platform, 'appeal_id': appeal_id}, (hash(platform, appeal_id), platform, appeal_id), $n)) AS k
  FROM appeal_topics SEMI JOIN wanted USING (topic_id)
  GROUP BY topic_id
)
SELECT p.topic_id, coalesce(a.title, '') AS title, coalesce(a.title, '') || '。' || a.content AS text
FROM picked p JOIN appeals a ON a.platform = p.k.platform AND a.appeal_id = p.k.appeal_id
ORDER BY p.topic_id, hash(a.platform, a.appeal_id), a.platform, a.appeal_id;
