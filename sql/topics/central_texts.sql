-- The most central distinct texts of each topic ($ids: JSON list of topic ids; $n per topic):
-- highest similarity first, ties by key, so the choice never depends on row order. Only the
-- 4 × $n most central appeals are read, then repeated texts are dropped.
WITH wanted AS (
  SELECT unnest(from_json($ids, '["INTEGER"]')) AS topic_id
),
top AS (
  SELECT t.topic_id, t.platform, t.appeal_id, t.similarity
  FROM appeal_topics t SEMI JOIN wanted w ON w.topic_id = t.topic_id
  QUALIFY row_number() OVER (PARTITION BY t.topic_id ORDER BY t.similarity DESC, t.platform, t.appeal_id) <= 4 * $n
),
texts AS (
  SELECT top.*, coalesce(a.title, '') AS title, coalesce(a.title, '') || '。' || a.content AS text
  FROM top JOIN appeals a USING (platform, appeal_id)
  QUALIFY row_number() OVER (PARTITION BY top.topic_id, text ORDER BY top.similarity DESC, top.platform, top.appeal_id) = 1
)
SELECT topic_id, platform, appeal_id, similarity, title, text,
       row_number() OVER (PARTITION BY topic_id ORDER BY similarity DESC, platform, appeal_id)::INTEGER AS rank
FROM texts
QUALIFY rank <= $n
ORDER BY topic_id, rank;
