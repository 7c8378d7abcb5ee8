SELECT max(run_id)::INTEGER AS run_id FROM topic_runs WHERE kind = 'run' AND status = 'done';
