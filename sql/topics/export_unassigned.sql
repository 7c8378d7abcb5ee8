-- Appeals not yet seen by the topic engine (no topic, and not in the outlier queue with the same
-- content), in the format of export_input.sql (learning flag and previous topic 0).
COPY (
  SELECT i.rid, 0 AS learn, 0 AS old_topic,
         translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
  FROM topic_input i
  ANTI JOIN appeal_topics t USING (platform, appeal_id)
  ANTI JOIN topic_outliers o ON o.platform = i.platform AND o.appeal_id = i.appeal_id AND o.row_hash IS NOT DISTINCT FROM i.row_hash
) TO $file (FORMAT csv, DELIMITER '\t', QUOTE '', ESCAPE '', HEADER false);
