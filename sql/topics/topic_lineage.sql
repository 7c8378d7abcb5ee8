-- Every lineage edge that starts or ends at the topic, oldest first, with the other topic's label.
SELECT l.run_id, l.from_topic, f.label AS from_label, l.to_topic, t.label AS to_label, l.kind, l.share, l.similarity, l.source, l.created_at
FROM topic_lineage l
LEFT JOIN topics f ON f.topic_id = l.from_topic
LEFT JOIN topics t ON t.topic_id = l.to_topic
WHERE (l.from_topic = $id OR l.to_topic = $id) AND NOT (l.kind = 'continued')
ORDER BY l.created_at, l.run_id, l.from_topic NULLS FIRST, l.to_topic;
