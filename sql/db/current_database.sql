-- The name DuckDB gives the open file's database (its file name without the extension).
SELECT current_database() AS name;
