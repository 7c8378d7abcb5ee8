-- Takes import $import_id back (pipelines/ingest/undo.ts has checked no later import in force changed its rows):
-- its rows leave, the rows it replaced come back, the versions it remembered are forgotten (so the
-- same file can be imported again), and the appeals that are gone leave their topics. A restored
-- appeal keeps its topic row: assignment places an appeal once, so the row is from before the import.
SET VARIABLE undo_id = $import_id::INTEGER;

CREATE OR REPLACE TEMP TABLE undo_gone AS
SELECT platform, appeal_id FROM appeals WHERE import_id = getvariable('undo_id')
EXCEPT
SELECT platform, appeal_id FROM appeals_replaced WHERE replaced_by = getvariable('undo_id');

DELETE FROM appeal_versions WHERE import_id = getvariable('undo_id');
DELETE FROM transfer_versions WHERE import_id = getvariable('undo_id');
DELETE FROM appeals WHERE import_id = getvariable('undo_id');
DELETE FROM transfers WHERE import_id = getvariable('undo_id');

INSERT INTO appeals BY NAME SELECT * EXCLUDE (replaced_by) FROM appeals_replaced WHERE replaced_by = getvariable('undo_id');
INSERT INTO transfers BY NAME SELECT * EXCLUDE (replaced_by) FROM transfers_replaced WHERE replaced_by = getvariable('undo_id');

-- A restored row is current again: it is no longer an earlier version of its record.
DELETE FROM appeal_versions v USING appeals_replaced r
WHERE r.replaced_by = getvariable('undo_id') AND v.platform = r.platform AND v.appeal_id = r.appeal_id AND v.row_hash = r.row_hash;
DELETE FROM transfer_versions v USING transfers_replaced r
WHERE r.replaced_by = getvariable('undo_id') AND v.platform = r.platform AND v.appeal_id = r.appeal_id AND v.seq = r.seq AND v.row_hash = r.row_hash;

DELETE FROM appeals_replaced WHERE replaced_by = getvariable('undo_id');
DELETE FROM transfers_replaced WHERE replaced_by = getvariable('undo_id');

UPDATE topics SET size = topics.size - lost.n
FROM (SELECT topic_id, count(*)::INTEGER AS n FROM appeal_topics SEMI JOIN undo_gone USING (platform, appeal_id) GROUP BY ALL) lost
WHERE topics.topic_id = lost.topic_id;
DELETE FROM appeal_topics t USING undo_gone g WHERE t.platform = g.platform AND t.appeal_id = g.appeal_id;
DELETE FROM topic_outliers t USING undo_gone g WHERE t.platform = g.platform AND t.appeal_id = g.appeal_id;
DELETE FROM topic_examples t USING undo_gone g WHERE t.platform = g.platform AND t.appeal_id = g.appeal_id;

UPDATE import_runs SET status = 'undone' WHERE import_id = getvariable('undo_id');
INSERT INTO import_undos (import_id, undone_at, undone_by) VALUES (getvariable('undo_id'), now(), $by);

DROP TABLE undo_gone;
