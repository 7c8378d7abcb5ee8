-- Replaces every appeal's topic with the run's result in topic_stage (joined back through the row
-- id, valid within the run's transaction, once), and the outlier queue with the appeals it left out.
-- Row order means nothing in these tables, so the inserts may run on every thread.
SET preserve_insertion_order = false;
CREATE OR REPLACE TEMP TABLE topic_result AS
SELECT i.platform, i.appeal_id, i.row_hash, s.topic_id, s.similarity, s.best_topic
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid;
DELETE FROM appeal_topics;
INSERT INTO appeal_topics
SELECT platform, appeal_id, topic_id, similarity FROM topic_result WHERE topic_id IS NOT NULL;
DELETE FROM topic_outliers;
INSERT INTO topic_outliers
SELECT platform, appeal_id, row_hash, $run_id, best_topic, similarity FROM topic_result WHERE topic_id IS NULL;
DELETE FROM topic_stage;
DROP TABLE topic_result;
RESET preserve_insertion_order;
