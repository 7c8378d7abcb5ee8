-- Every loadable row is a new record: insert them all (a record's current version is
-- its own row_hash, so there are no earlier versions to remember).
INSERT INTO appeals
  (platform, appeal_id, channel, received_at, district, street, address, lon, lat, source_category, appeal_type,
   title, content, caller_key, is_police_matter, status, handling_unit, closed_at, responded, resolved,
   satisfaction, reply, row_hash, import_id, source_file, source_row, loaded_at)
SELECT platform, appeal_id, channel, received_at, district, street, address, lon, lat, source_category, appeal_type,
   title, content, caller_key, is_police_matter, status, handling_unit, closed_at, responded, resolved,
   satisfaction, reply, row_hash, getvariable('ingest_import_id'), getvariable('ingest_file'), __row, now()
FROM typed
WHERE reject_reason IS NULL;

CREATE OR REPLACE TEMP TABLE classified AS
SELECT __row, 'inserted' AS outcome_of_row FROM typed WHERE reject_reason IS NULL;
