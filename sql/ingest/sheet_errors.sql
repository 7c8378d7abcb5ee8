-- Rows the XLSX reader could not convert, with their sheet row numbers and reasons (a JSON list).
CREATE OR REPLACE TEMP TABLE staged_errors AS
SELECT e.source_row, e.raw, e.reason, e.reason_data
FROM (SELECT unnest(from_json($errors::VARCHAR,
  '[{"source_row": "INTEGER", "raw": "VARCHAR", "reason": "VARCHAR", "reason_data": "JSON"}]')) AS e);
