-- The latest completed clustering run: its parameters define how new appeals are assigned.
SELECT run_id, params::VARCHAR AS params
FROM topic_runs
WHERE kind = 'run' AND status = 'done'
ORDER BY run_id DESC
LIMIT 1;
