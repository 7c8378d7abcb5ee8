-- Appeals the topic engine has not seen yet, numbered for this assignment: no topic, and not in
-- the outlier queue with the same content. A run or an assignment saw every appeal of the imports
-- up to the newest one then committed ($covered; an import commits as one transaction), so only
-- later imports can hold such appeals: older rows are not even read, and the (large) tables of
-- assigned appeals and outliers are only probed for those few candidates.
CREATE OR REPLACE TEMP TABLE topic_new AS
WITH candidates AS (
  SELECT rid, platform, appeal_id, row_hash FROM topic_input WHERE import_id > $covered
),
seen AS (
  SELECT platform, appeal_id FROM appeal_topics SEMI JOIN candidates USING (platform, appeal_id)
  UNION ALL
  SELECT o.platform, o.appeal_id FROM topic_outliers o
  SEMI JOIN candidates c ON c.platform = o.platform AND c.appeal_id = o.appeal_id AND c.row_hash IS NOT DISTINCT FROM o.row_hash
),
fresh AS (
  SELECT rid FROM candidates ANTI JOIN seen USING (platform, appeal_id)
)
SELECT (row_number() OVER ())::BIGINT AS n, i.platform, i.appeal_id, i.row_hash,
       translate(coalesce(i.title, '') || '。' || i.content, chr(9) || chr(10) || chr(13), '   ') AS text
FROM topic_input i SEMI JOIN fresh USING (rid)
WHERE i.import_id > $covered;
