-- Unclustered appeals chosen to make a new topic, in the format of export_input.sql: those whose
-- title or content contains $search (when given) or whose key is in $keys (JSON list of
-- {platform, appeal_id}, when given).
COPY (
  SELECT i.rid, 1 AS learn, 0 AS old_topic,
         translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
  FROM topic_outliers o JOIN topic_input i USING (platform, appeal_id)
  WHERE ($search IS NULL OR contains(coalesce(i.title, '') || ' ' || i.content, $search))
    AND ($keys IS NULL OR EXISTS (
          SELECT 1
          FROM (SELECT unnest(from_json($keys, '[{"platform":"VARCHAR","appeal_id":"VARCHAR"}]')) AS k)
          WHERE k.platform = i.platform AND k.appeal_id = i.appeal_id))
) TO $file (FORMAT csv, DELIMITER '\t', QUOTE '', ESCAPE '', HEADER false);
