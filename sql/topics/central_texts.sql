-- The most central distinct texts of each topic ($ids: JSON list of topic ids; $n per topic):
-- highest similarity first, ties by key, so the choice never depends on row order. The 4 × $n
-- most central appeals are taken with a top-n aggregate (no sort of the whole table), then repeated
-- texts are dropped.
WITH wanted AS (
  SELECT unnest(from_json($ids, '["INTEGER"]')) AS topic_id
),
top AS (
  SELECT topic_id, unnest(max_by({'platform': platform, 'appeal_id': appeal_id, 'similarity': similarity}, (similarity, platform, appeal_id), 4 * $n)) AS k
  FROM appeal_topics SEMI JOIN wanted USING (topic_id)
  GROUP BY topic_id
),
texts AS (
  SELECT top.topic_id, k.platform, k.appeal_id, k.similarity, coalesce(a.title, '') AS title, coalesce(a.title, '') || '。' || a.content AS text
  FROM top JOIN appeals a ON a.platform = k.platform AND a.appeal_id = k.appeal_id
  QUALIFY row_number() OVER (PARTITION BY top.topic_id, text ORDER BY k.similarity DESC, k.platform DESC, k.appeal_id DESC) = 1
)
SELECT topic_id, platform, appeal_id, similarity, title, text,
       row_number() OVER (PARTITION BY topic_id ORDER BY similarity DESC, platform DESC, appeal_id DESC)::INTEGER AS rank
FROM texts
QUALIFY rank <= $n
ORDER BY topic_id, rank;
