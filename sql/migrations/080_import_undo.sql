-- Undoing an import: the rows an import replaced are kept whole, marked with the import that
-- replaced them, so taking the import back can restore them (pipelines/ingest/undo.ts). Same
-- columns as appeals / transfers, plus replaced_by.
CREATE TABLE appeals_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM appeals LIMIT 0;
CREATE TABLE transfers_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM transfers LIMIT 0;

-- status gains 'undone'. keeps_replaced: the import kept the rows it replaced (imports from before
-- this migration did not: one of those that updated rows cannot be undone).
ALTER TABLE import_runs ADD COLUMN keeps_replaced BOOLEAN DEFAULT false;
ALTER TABLE import_runs ADD COLUMN undone_at TIMESTAMPTZ;
ALTER TABLE import_runs ADD COLUMN undone_by VARCHAR;
