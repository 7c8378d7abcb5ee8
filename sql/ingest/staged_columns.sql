SELECT column_name AS name
FROM duckdb_columns()
WHERE table_name = 'staged_raw' AND temporary
ORDER BY column_index;
