-- The appeals of topic_new in the format of export_input.sql (their number in the row-id column).
COPY (SELECT n, 0 AS learn, 0 AS old_topic, text FROM topic_new)
TO $file (FORMAT csv, DELIMITER '\t', QUOTE '', ESCAPE '', HEADER false);
