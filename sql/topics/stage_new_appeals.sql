-- Appeals the topic engine has not seen yet, numbered for this assignment: no topic, and not in
-- the outlier queue with the same content. Only imports since the last run or assignment
-- ($covered, the newest import it saw) can hold such appeals, so older rows are not even read.
CREATE OR REPLACE TEMP TABLE topic_new AS
SELECT (row_number() OVER ())::BIGINT AS n, i.platform, i.appeal_id, i.row_hash,
       translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
FROM topic_input i
ANTI JOIN appeal_topics t USING (platform, appeal_id)
ANTI JOIN topic_outliers o ON o.platform = i.platform AND o.appeal_id = i.appeal_id AND o.row_hash IS NOT DISTINCT FROM i.row_hash
WHERE i.import_id >= $covered;
