-- Replaces every appeal's topic with the run's result in topic_stage (joined back through the row
-- id, valid within the run's transaction), and the outlier queue with the appeals it left out.
DELETE FROM appeal_topics;
INSERT INTO appeal_topics
SELECT i.platform, i.appeal_id, s.topic_id, s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
WHERE s.topic_id IS NOT NULL;
DELETE FROM topic_outliers;
INSERT INTO topic_outliers
SELECT i.platform, i.appeal_id, i.row_hash, $run_id, s.best_topic, s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
WHERE s.topic_id IS NULL;
DELETE FROM topic_stage;
