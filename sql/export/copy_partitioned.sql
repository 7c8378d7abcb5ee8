-- One export view (sql/export/prepare.sql) as Parquet under $dir, one folder per district and month
-- (Hive layout). The partition columns stay in the files too, so each file says what it holds.
COPY (FROM query_table($view)) TO $dir (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (district, month), WRITE_PARTITION_COLUMNS true);
