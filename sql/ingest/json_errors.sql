-- NDJSON lines (blank lines aside) that are not one JSON object each, with reasons in English and as data.
CREATE OR REPLACE TEMP TABLE staged_errors AS
SELECT line::INTEGER AS source_row, j AS raw,
       CASE WHEN json_valid(j) THEN 'the line is JSON but not an object' ELSE 'the line is not valid JSON' END AS reason,
       json_object('code', CASE WHEN json_valid(j) THEN 'json_not_object' ELSE 'not_json' END) AS reason_data
FROM json_rows
WHERE trim(j) <> '' AND NOT (json_object_or_null(j) IS NOT NULL);

DELETE FROM json_rows WHERE trim(j) = '';
