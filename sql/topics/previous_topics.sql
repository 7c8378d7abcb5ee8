-- Every topic known before a run or curation, with its state.
SELECT topic_id, label, status, size, created_run, updated_run, auto_label, label_source, merged_into, parent_topic, threshold
FROM topics ORDER BY topic_id;
