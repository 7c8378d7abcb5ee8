-- Import runs, newest first: what was loaded, by whom, with the row outcome counts.
SELECT import_id, kind, source_file, format, encoding, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
  status, error, rows_read, inserted, updated, unchanged, rejected, duration_ms, imported_by, strftime(u.undone_at, '%Y-%m-%d %H:%M:%S') AS undone_at, u.undone_by,
  count(*) OVER ()::INTEGER AS total
FROM import_runs
LEFT JOIN import_undos u USING (import_id)
ORDER BY import_id DESC
LIMIT $limit OFFSET $offset;
