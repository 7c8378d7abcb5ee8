-- Replaces each record whose last version in the file is new, and remembers every new version it
-- does not write (a written version is the row itself).
CREATE OR REPLACE TEMP TABLE writing AS
SELECT t.* FROM typed t JOIN classified c USING (__row) WHERE c.to_write;

-- The rows being replaced are kept whole, so this import can be undone, and become earlier
-- versions, still known by the import that loaded them.
INSERT INTO appeals_replaced BY NAME
SELECT a.*, getvariable('ingest_import_id') AS replaced_by FROM appeals a
SEMI JOIN writing w ON a.platform = w.platform AND a.appeal_id = w.appeal_id;

INSERT INTO appeal_versions (platform, appeal_id, row_hash, import_id)
SELECT platform, appeal_id, row_hash, import_id FROM appeals_replaced WHERE replaced_by = getvariable('ingest_import_id');

DELETE FROM appeals a USING writing w WHERE a.platform = w.platform AND a.appeal_id = w.appeal_id;

INSERT INTO appeals
  (platform, appeal_id, channel, received_at, district, street, address, lon, lat, source_category, appeal_type,
   title, content, caller_key, is_police_matter, status, handling_unit, closed_at, responded, resolved,
   satisfaction, reply, row_hash, import_id, source_file, source_row, loaded_at)
SELECT platform, appeal_id, channel, received_at, district, street, address, lon, lat, source_category, appeal_type,
   title, content, caller_key, is_police_matter, status, handling_unit, closed_at, responded, resolved,
   satisfaction, reply, row_hash, getvariable('ingest_import_id'), getvariable('ingest_file'), __row, now()
FROM writing;

INSERT INTO appeal_versions (platform, appeal_id, row_hash, import_id)
SELECT t.platform, t.appeal_id, t.row_hash, getvariable('ingest_import_id')
FROM typed t JOIN classified c USING (__row)
WHERE c.new_version
  AND NOT EXISTS (SELECT 1 FROM writing w
    WHERE w.platform = t.platform AND w.appeal_id = t.appeal_id AND w.row_hash = t.row_hash);

DROP TABLE writing;
