INSERT INTO import_runs (import_id, kind, source_file, file_sha256, format, encoding, mapping, started_at, finished_at,
  status, error, rows_read, inserted, updated, unchanged, rejected, duration_ms, imported_by, keeps_replaced)
VALUES ($import_id, $kind, $source_file, $file_sha256, $format, $encoding, $mapping::JSON, $started_at::TIMESTAMPTZ,
  now(), $status, $error, $rows_read, $inserted, $updated, $unchanged, $rejected, $duration_ms, $imported_by, true);
