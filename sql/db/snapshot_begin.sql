-- A read-only transaction whose snapshot is taken now: DuckDB takes it at the first read of a table,
-- so one is read at once (a write committed after this is not seen by anything read in it).
BEGIN TRANSACTION READ ONLY;
SELECT count(*) FROM schema_migrations;
