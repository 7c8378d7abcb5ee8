-- Adds the assignment of new appeals from topic_stage: clustered ones to appeal_topics (and to
-- their topics' sizes), the rest to the outlier queue (replacing an older version of the same appeal).
INSERT INTO appeal_topics
SELECT i.platform, i.appeal_id, s.topic_id, s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
WHERE s.topic_id IS NOT NULL;
DELETE FROM topic_outliers o
WHERE EXISTS (SELECT 1 FROM topic_stage s JOIN topic_input i ON i.rid = s.rid WHERE i.platform = o.platform AND i.appeal_id = o.appeal_id);
INSERT INTO topic_outliers
SELECT i.platform, i.appeal_id, i.row_hash, $run_id, s.best_topic, s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
WHERE s.topic_id IS NULL;
UPDATE topics SET size = topics.size + n.added
FROM (SELECT topic_id, count(*)::INTEGER AS added FROM topic_stage WHERE topic_id IS NOT NULL GROUP BY topic_id) AS n
WHERE topics.topic_id = n.topic_id;
DELETE FROM topic_stage;
