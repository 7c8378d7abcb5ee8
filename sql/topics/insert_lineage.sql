-- Lineage edges ($rows: JSON list of {run_id, from_topic, to_topic, kind, share, similarity, source}).
INSERT INTO topic_lineage
SELECT l.run_id, l.from_topic, l.to_topic, l.kind, l.share, l.similarity, l.source, now()
FROM (SELECT unnest(from_json($rows, '[{"run_id":"INTEGER","from_topic":"INTEGER","to_topic":"INTEGER","kind":"VARCHAR","share":"DOUBLE","similarity":"DOUBLE","source":"VARCHAR"}]'), recursive := true)) AS l;
