-- Columns of one export view, in order, with their DuckDB types (for the export's manifest).
SELECT column_name AS name, data_type AS type
FROM duckdb_columns()
WHERE table_name = $view AND database_name = 'temp'
ORDER BY column_index;
