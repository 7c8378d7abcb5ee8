-- Marks a run that stopped with an error (its changes were rolled back).
UPDATE topic_runs SET finished_at = now(), status = 'failed', error = $error WHERE run_id = $run_id;
-- The export may have stopped before restoring this.
RESET preserve_insertion_order;
