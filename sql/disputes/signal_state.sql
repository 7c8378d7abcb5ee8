-- The rules digest of the refresh recorded in signal_state (no row: none recorded).
SELECT rules FROM signal_state;
