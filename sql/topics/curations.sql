-- Every curation in the order it was made: re-applied in this order after every run.
SELECT curation_id, action, topic_id, args::VARCHAR AS args, created_at, created_by
FROM topic_curations ORDER BY curation_id;
