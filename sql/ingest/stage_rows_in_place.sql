-- Rows of a CSV file staged in place (staged_rows, a view over the file), numbered in file order.
-- This numbering runs on one thread, so typing reads staged_rows and numbers its own result
-- (number_typed_rows); `staged` serves the preview.
SET VARIABLE staged_header_row = $header_row::INTEGER;

CREATE OR REPLACE TEMP VIEW staged AS
SELECT (row_number() OVER () + getvariable('staged_header_row'))::INTEGER AS __row, * EXCLUDE (__row) FROM staged_rows;
