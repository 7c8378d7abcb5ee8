-- Import runs, newest first: what was loaded, by whom, with the row outcome counts.
SELECT import_id, kind, source_file, format, encoding, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
  status, error, rows_read, inserted, updated, unchanged, rejected, duration_ms, imported_by, strftime(undone_at, '%Y-%m-%d %H:%M:%S') AS undone_at, undone_by,
  count(*) OVER ()::INTEGER AS total
FROM import_runs
ORDER BY import_id DESC
LIMIT $limit OFFSET $offset;
