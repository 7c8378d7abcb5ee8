-- Opens a run record; returns its id.
INSERT INTO topic_runs (run_id, kind, started_at, params, status, window_from, window_to)
VALUES (nextval('topic_run_seq'), $kind, now(), $params::JSON, 'running', $from::DATE, $to::DATE)
RETURNING run_id;
