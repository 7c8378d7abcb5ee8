-- The whole topics table after a run ($topics: JSON list of topic rows).
DELETE FROM topics;
INSERT INTO topics
SELECT t.topic_id, t.label, t.status, t.size, t.created_run, t.updated_run, t.auto_label, t.label_source,
       t.merged_into, t.parent_topic, t.threshold
FROM (SELECT unnest(from_json($topics, '[{"topic_id":"INTEGER","label":"VARCHAR","status":"VARCHAR","size":"INTEGER","created_run":"INTEGER","updated_run":"INTEGER","auto_label":"VARCHAR","label_source":"VARCHAR","merged_into":"INTEGER","parent_topic":"INTEGER","threshold":"DOUBLE"}]'), recursive := true)) AS t;
