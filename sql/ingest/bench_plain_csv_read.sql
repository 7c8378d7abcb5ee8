-- The CSV import benchmark's baseline (npm run bench): DuckDB alone reading the same file into a
-- table, every column as text — no mapping, checks, masking, hashing or keys. Set beside the
-- import's rate, it tells how much of a slow run is the machine and how much is the import.
SET VARIABLE bench_csv = $path;

CREATE TABLE plain AS SELECT * FROM read_csv(getvariable('bench_csv'), header = true, all_varchar = true);
