-- One small export view (sql/export/prepare.sql) as a single Parquet file.
COPY (FROM query_table($view)) TO $file (FORMAT parquet, COMPRESSION zstd);
