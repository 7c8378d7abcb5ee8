-- The texts a run works on, one line each, read back by pipelines/topics/segment-range.ts:
-- row id <tab> 1 when the appeal is in the learning window (else 0) <tab> its topic before this
-- run (0: none) <tab> title。content, with tabs and line breaks made spaces.
-- $from / $to (dates, inclusive; NULL = open) bound the learning window. Line order does not
-- matter to the engine, so the file is written without keeping it (faster on several threads).
SET preserve_insertion_order = false;
COPY (
  SELECT i.rid,
         CASE WHEN ($from IS NULL OR i.received_at >= $from::DATE)
               AND ($to IS NULL OR i.received_at < $to::DATE + INTERVAL 1 DAY) THEN 1 ELSE 0 END AS learn,
         coalesce(t.topic_id, 0) AS old_topic,
         translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
  FROM topic_input i
  LEFT JOIN appeal_topics t USING (platform, appeal_id)
) TO $file (FORMAT csv, DELIMITER '\t', QUOTE '', ESCAPE '', HEADER false);
RESET preserve_insertion_order;
