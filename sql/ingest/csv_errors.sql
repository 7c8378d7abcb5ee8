-- Rows DuckDB could not split, with reasons; the row numbering of the kept rows follows (stage_rows_*).
SET VARIABLE staged_header_row = $header_row::INTEGER;

CREATE OR REPLACE TEMP TABLE staged_errors AS
SELECT line::INTEGER AS source_row,
       min(csv_line) AS raw,
       -- DuckDB may log one row several times while re-splitting it; the first error is the real one
       min_by(CASE error_type
         WHEN 'TOO MANY COLUMNS' THEN 'the row has more fields than the header (' || error_message || ')'
         WHEN 'MISSING COLUMNS' THEN 'the row has fewer fields than the header (' || error_message || ')'
         WHEN 'UNQUOTED VALUE' THEN 'a quoted field is not closed: the file may be truncated or hold a stray quote'
         WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the row is longer than 8 MB'
         WHEN 'INVALID ENCODING' THEN 'the row is not valid text in the file''s encoding'
         ELSE lower(error_type) || ': ' || error_message END, byte_position) AS reason
FROM csv_reject_errors
GROUP BY line;
