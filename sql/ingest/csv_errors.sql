-- Rows DuckDB could not split, with reasons, in English and as data (see reject_text in
-- macros.sql for the checked rows' reasons); the row numbering of the kept rows follows (stage_rows_*).
SET VARIABLE staged_header_row = $header_row::INTEGER;

CREATE OR REPLACE TEMP TABLE staged_errors AS
WITH e AS (
  SELECT line, csv_line, byte_position, error_type, error_message,
    -- "Expected Number of Columns: 9 Found: 10"
    TRY_CAST(regexp_extract(error_message, 'Expected Number of Columns: ([0-9]+)', 1) AS INTEGER) AS expected,
    TRY_CAST(regexp_extract(error_message, 'Found: ([0-9]+)', 1) AS INTEGER) AS found
  FROM csv_reject_errors
), worded AS (
  SELECT line, csv_line, byte_position, CASE error_type
    WHEN 'TOO MANY COLUMNS' THEN {reason: 'the row has more fields than the header (' || error_message || ')',
      data: json_object('code', 'too_many_fields', 'expected', expected, 'found', found)}
    WHEN 'MISSING COLUMNS' THEN {reason: 'the row has fewer fields than the header (' || error_message || ')',
      data: json_object('code', 'too_few_fields', 'expected', expected, 'found', found)}
    WHEN 'UNQUOTED VALUE' THEN {reason: 'a quoted field is not closed: the file may be truncated or hold a stray quote',
      data: json_object('code', 'unclosed_quote')}
    WHEN 'LINE SIZE OVER MAXIMUM' THEN {reason: 'the row is longer than 8 MB', data: json_object('code', 'line_too_long')}
    WHEN 'INVALID ENCODING' THEN {reason: 'the row is not valid text in the file''s encoding', data: json_object('code', 'not_in_encoding')}
    -- any other error DuckDB names is known only by its English message
    ELSE {reason: lower(error_type) || ': ' || error_message, data: NULL::JSON}
  END AS r
  FROM e
)
SELECT line::INTEGER AS source_row,
       min(csv_line) AS raw,
       -- DuckDB may log one row several times while re-splitting it; the first error is the real one
       min_by(r, byte_position).reason AS reason,
       min_by(r, byte_position).data AS reason_data
FROM worded
GROUP BY line;
