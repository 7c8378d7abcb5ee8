-- Rows that could not be split into fields, then rows that failed a check; the raw row is kept
-- masked, since a reject is shown to people too.
INSERT INTO rejects (import_id, source_file, source_row, raw, reason, reason_data)
SELECT getvariable('ingest_import_id'), getvariable('ingest_file'), source_row, mask_pii(raw), reason, reason_data
FROM staged_errors;

INSERT INTO rejects (import_id, source_file, source_row, raw, reason, reason_data)
SELECT getvariable('ingest_import_id'), getvariable('ingest_file'), __row, mask_pii(raw), reject_text(reject_data(reject_reason)),
  to_json(reject_data(reject_reason))
FROM typed
WHERE reject_reason IS NOT NULL;
