-- Every loadable row is a new transfer: insert them all (a record's current version is
-- its own row_hash, so there are no earlier versions to remember).
INSERT INTO transfers
  (platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
   row_hash, import_id, source_file, source_row, loaded_at)
SELECT platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
   row_hash, getvariable('ingest_import_id'), getvariable('ingest_file'), __row, now()
FROM typed
WHERE reject_reason IS NULL;

CREATE OR REPLACE TEMP TABLE classified AS
SELECT __row, 'inserted' AS outcome_of_row FROM typed WHERE reject_reason IS NULL;
