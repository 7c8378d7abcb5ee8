-- Session variables the ingest SQL reads.
SET VARIABLE ingest_import_id = $import_id::INTEGER;
SET VARIABLE ingest_file = $file::VARCHAR;
SET VARIABLE ingest_tz = $tz::VARCHAR;
SET VARIABLE ingest_formats = from_json($formats::VARCHAR, '["VARCHAR"]');
SET VARIABLE ingest_labels = $labels::JSON;
SET VARIABLE ingest_has_seq = $has_seq::BOOLEAN;
SET VARIABLE ingest_salt = (SELECT value FROM settings WHERE key = 'caller_salt');
