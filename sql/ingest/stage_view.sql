-- Staged rows that already carry their row number.
CREATE OR REPLACE TEMP VIEW staged AS SELECT * FROM staged_raw;
