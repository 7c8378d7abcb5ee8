-- A record's current version is its own row_hash: the version tables now keep only earlier versions
-- (what a re-import of an older export is recognised by), so a first import writes no version rows.
DELETE FROM appeal_versions v USING appeals a
WHERE v.platform = a.platform AND v.appeal_id = a.appeal_id AND v.row_hash = a.row_hash;

DELETE FROM transfer_versions v USING transfers t
WHERE v.platform = t.platform AND v.appeal_id = t.appeal_id AND v.seq = t.seq AND v.row_hash = t.row_hash;
