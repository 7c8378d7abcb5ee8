-- The base tables of an open or attached database $database, by schema and name.
SELECT schema_name, table_name FROM duckdb_tables()
WHERE database_name = $database AND NOT temporary
ORDER BY schema_name, table_name;
