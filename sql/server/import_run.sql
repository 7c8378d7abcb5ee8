SELECT import_id, kind, source_file, format, encoding, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
  status, error, rows_read, inserted, updated, unchanged, rejected, duration_ms, imported_by, strftime(u.undone_at, '%Y-%m-%d %H:%M:%S') AS undone_at, u.undone_by, mapping::VARCHAR AS mapping
FROM import_runs
LEFT JOIN import_undos u USING (import_id)
WHERE import_id = $import_id;
