-- The representative appeals of the given topics ($rows: JSON list of {topic_id, rank, platform,
-- appeal_id, similarity}); other topics keep theirs.
DELETE FROM topic_examples WHERE topic_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')));
INSERT INTO topic_examples
SELECT e.topic_id, e.rank, e.platform, e.appeal_id, e.similarity
FROM (SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","rank":"INTEGER","platform":"VARCHAR","appeal_id":"VARCHAR","similarity":"DOUBLE"}]'), recursive := true)) AS e;
