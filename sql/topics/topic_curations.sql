-- Curations that concern the topic: made on it, or naming it as a merge source or split child.
SELECT curation_id, action, topic_id, args::VARCHAR AS args, created_at, created_by
FROM topic_curations
WHERE topic_id = $id
   OR list_contains(coalesce(from_json(args -> 'sources', '["INTEGER"]'), []), $id)
   OR list_contains(coalesce(from_json(args -> 'children', '["INTEGER"]'), []), $id)
ORDER BY curation_id;
