-- Staged rows whose row number the reader wrote into the file itself (the XLSX reader's __row column).
CREATE OR REPLACE TEMP TABLE staged_errors AS
SELECT line::INTEGER AS source_row, min(csv_line) AS raw, min_by(error_message, byte_position) AS reason
FROM csv_reject_errors GROUP BY line;

CREATE OR REPLACE TEMP VIEW staged AS
SELECT __row::INTEGER AS __row, * EXCLUDE (__row) FROM staged_raw;
