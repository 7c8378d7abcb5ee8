SELECT column_name AS name
FROM duckdb_columns()
WHERE table_name = 'staged_raw' AND database_name = 'temp'
ORDER BY column_index;
