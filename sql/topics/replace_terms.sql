-- Distinctive terms of the given topics ($ids: JSON list; $rows: JSON list of {topic_id, rank, term, weight, share}).
DELETE FROM topic_terms WHERE topic_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')));
INSERT INTO topic_terms
SELECT t.topic_id, t.rank, t.term, t.weight, t.share
FROM (SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","rank":"INTEGER","term":"VARCHAR","weight":"DOUBLE","share":"DOUBLE"}]'), recursive := true)) AS t;
