-- Row counts of every base table in the main schema (committed rows).
SELECT table_name, estimated_size::INTEGER AS rows
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name;
