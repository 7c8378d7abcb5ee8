-- Records a curation (re-applied after every run); returns its id.
INSERT INTO topic_curations (curation_id, action, topic_id, args, created_at, created_by)
VALUES (nextval('topic_curation_seq'), $action, $topic_id, $args::JSON, now(), $by)
RETURNING curation_id;
