CREATE OR REPLACE TEMP TABLE staged_errors (source_row INTEGER, raw VARCHAR, reason VARCHAR, reason_data JSON);
