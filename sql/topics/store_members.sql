-- Sets the topic and similarity of the appeals in topic_stage: existing rows are updated, appeals
-- without a row (promoted outliers) are added and leave the outlier queue.
UPDATE appeal_topics SET topic_id = s.topic_id, similarity = s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
WHERE appeal_topics.platform = i.platform AND appeal_topics.appeal_id = i.appeal_id;
INSERT INTO appeal_topics
SELECT i.platform, i.appeal_id, s.topic_id, s.similarity
FROM topic_stage s JOIN topic_input i ON i.rid = s.rid
ANTI JOIN appeal_topics t ON t.platform = i.platform AND t.appeal_id = i.appeal_id;
DELETE FROM topic_outliers o
WHERE EXISTS (SELECT 1 FROM topic_stage s JOIN topic_input i ON i.rid = s.rid WHERE i.platform = o.platform AND i.appeal_id = o.appeal_id);
DELETE FROM topic_stage;
