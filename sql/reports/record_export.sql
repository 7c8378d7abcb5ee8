-- Audit of a generated document: who exported what, when, and what it was (size and hash).
INSERT INTO document_exports (document, format, subject, file_name, bytes, sha256, exported_by)
VALUES ($document, $format, CAST($subject AS JSON), $file_name, $bytes, $sha256, $actor);
SELECT currval('document_export_id_seq')::INTEGER AS export_id;
