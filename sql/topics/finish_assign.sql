-- Closes an assignment run record.
UPDATE topic_runs SET finished_at = now(), status = 'done', appeals = $appeals, clustered = $clustered, duration_ms = $duration_ms
WHERE run_id = $run_id;
