-- Drops the temp tables of signal_changes.sql and signal_scope_changed.sql.
DROP TABLE IF EXISTS signal_written;
DROP TABLE IF EXISTS signal_changed;
DROP TABLE IF EXISTS signal_moved;
DROP TABLE IF EXISTS signal_targets;
DROP TABLE IF EXISTS signal_runs;
DROP TABLE IF EXISTS signal_scope_appeals;
DROP TABLE IF EXISTS signal_scope_transfers;
RESET VARIABLE signals_import_id;
RESET VARIABLE signals_loaded_at;
RESET VARIABLE signals_topics_moved;
