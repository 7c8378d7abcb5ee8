-- A topic made by a curation (split child or promoted outliers); update_topic.sql fills it in.
INSERT INTO topics (topic_id, label, status, size, created_run, updated_run, auto_label, label_source, merged_into, parent_topic, threshold)
VALUES ($id, $label, 'active', 0, $run, $run, $label, 'auto', NULL, $parent, NULL);
