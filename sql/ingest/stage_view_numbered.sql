-- Staged rows numbered from 1 in file order (Parquet has no header row).
CREATE OR REPLACE TEMP VIEW staged AS SELECT (rowid + 1)::INTEGER AS __row, * FROM staged_raw;
