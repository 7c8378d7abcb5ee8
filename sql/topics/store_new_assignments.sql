-- Adds the assignment of the appeals of topic_new from topic_stage (row id = their number):
-- clustered ones to appeal_topics (and to their topics' sizes), the rest to the outlier queue
-- (replacing an older version of the same appeal).
CREATE OR REPLACE TEMP TABLE topic_new_result AS
SELECT n.platform, n.appeal_id, n.row_hash, s.topic_id, s.similarity, s.best_topic
FROM topic_stage s JOIN topic_new n ON n.n = s.rid;
INSERT INTO appeal_topics
SELECT platform, appeal_id, topic_id, similarity FROM topic_new_result WHERE topic_id IS NOT NULL;
DELETE FROM topic_outliers o
WHERE EXISTS (SELECT 1 FROM topic_new_result r WHERE r.platform = o.platform AND r.appeal_id = o.appeal_id);
INSERT INTO topic_outliers
SELECT platform, appeal_id, row_hash, $run_id, best_topic, similarity FROM topic_new_result WHERE topic_id IS NULL;
UPDATE topics SET size = topics.size + n.added
FROM (SELECT topic_id, count(*)::INTEGER AS added FROM topic_new_result WHERE topic_id IS NOT NULL GROUP BY topic_id) AS n
WHERE topics.topic_id = n.topic_id;
DELETE FROM topic_stage;
DROP TABLE topic_new_result;
DROP TABLE topic_new;
