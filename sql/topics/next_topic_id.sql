-- The next unused topic id (ids are never reused, even for topics only named in a curation).
SELECT (greatest(coalesce((SELECT max(topic_id) FROM topics), 0), coalesce((SELECT max(topic_id) FROM topic_curations), 0)) + 1)::INTEGER AS id;
