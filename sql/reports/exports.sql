-- The latest document exports, newest first ($1 rows).
SELECT export_id, document, format, CAST(subject AS VARCHAR) AS subject, file_name, bytes, sha256, exported_by, exported_at
FROM document_exports
ORDER BY exported_at DESC, export_id DESC
LIMIT $1;
