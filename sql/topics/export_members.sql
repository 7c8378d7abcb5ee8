-- The appeals of the given topics ($ids: JSON list) in the format of export_input.sql, the topic
-- id in the previous-topic column.
COPY (
  SELECT i.rid, 1 AS learn, t.topic_id,
         translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
  FROM appeal_topics t JOIN topic_input i USING (platform, appeal_id)
  WHERE t.topic_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))
) TO $file (FORMAT csv, DELIMITER '\t', QUOTE '', ESCAPE '', HEADER false);
