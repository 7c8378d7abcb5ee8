-- Replaces each transfer whose last version in the file is new, and remembers every new version it
-- does not write (a written version is the row itself).
CREATE OR REPLACE TEMP TABLE writing AS
SELECT t.* FROM typed t JOIN classified c USING (__row) WHERE c.to_write;

-- The rows being replaced are kept whole, so this import can be undone, and become earlier
-- versions, still known by the import that loaded them.
INSERT INTO transfers_replaced BY NAME
SELECT x.*, getvariable('ingest_import_id') AS replaced_by FROM transfers x
SEMI JOIN writing w ON x.platform = w.platform AND x.appeal_id = w.appeal_id AND x.seq = w.seq;

INSERT INTO transfer_versions (platform, appeal_id, seq, row_hash, import_id)
SELECT platform, appeal_id, seq, row_hash, import_id FROM transfers_replaced WHERE replaced_by = getvariable('ingest_import_id');

DELETE FROM transfers x USING writing w WHERE x.platform = w.platform AND x.appeal_id = w.appeal_id AND x.seq = w.seq;

INSERT INTO transfers
  (platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
   row_hash, import_id, source_file, source_row, loaded_at)
SELECT platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
   row_hash, getvariable('ingest_import_id'), getvariable('ingest_file'), __row, now()
FROM writing;

INSERT INTO transfer_versions (platform, appeal_id, seq, row_hash, import_id)
SELECT t.platform, t.appeal_id, t.seq, t.row_hash, getvariable('ingest_import_id')
FROM typed t JOIN classified c USING (__row)
WHERE c.new_version
  AND NOT EXISTS (SELECT 1 FROM writing w
    WHERE w.platform = t.platform AND w.appeal_id = t.appeal_id AND w.seq = t.seq AND w.row_hash = t.row_hash);

DROP TABLE writing;
