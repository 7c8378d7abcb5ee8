-- Centroids of the given topics ($ids: JSON list; $rows: JSON list of {topic_id, term, weight}).
DELETE FROM topic_centroids WHERE topic_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')));
INSERT INTO topic_centroids
SELECT c.topic_id, c.term, c.weight
FROM (SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","term":"VARCHAR","weight":"DOUBLE"}]'), recursive := true)) AS c;
