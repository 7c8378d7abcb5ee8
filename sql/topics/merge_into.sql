-- Moves the appeals of the $sources topics (JSON list) into $target and marks the sources merged.
UPDATE appeal_topics SET topic_id = $target WHERE topic_id IN (SELECT unnest(from_json($sources, '["INTEGER"]')));
UPDATE topics SET status = 'merged', merged_into = $target, size = 0
WHERE topic_id IN (SELECT unnest(from_json($sources, '["INTEGER"]')));
