-- Staged CSV rows numbered by their row in the file when DuckDB rejected none (the usual case):
-- plain arithmetic on the file order, no join.
CREATE OR REPLACE TEMP VIEW staged AS
SELECT (rowid + 1 + getvariable('staged_header_row'))::INTEGER AS __row, * FROM staged_raw;
