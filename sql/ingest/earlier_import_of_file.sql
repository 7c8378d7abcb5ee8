-- The latest import of a file with these exact bytes ($sha: SHA-256), loaded or undone since; none
-- when the file is new (failed imports do not count: they loaded nothing).
SELECT r.import_id, r.source_file, strftime(r.started_at, '%Y-%m-%d %H:%M') AS started_at, r.status
FROM import_runs r
WHERE r.file_sha256 = $sha AND r.status IN ('done', 'undone')
ORDER BY r.import_id DESC
LIMIT 1;
