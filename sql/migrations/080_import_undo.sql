-- Undoing an import: the rows an import replaced are kept whole, marked with the import that
-- replaced them, so taking the import back can restore them (pipelines/ingest/undo.ts). Same
-- columns as appeals / transfers, plus replaced_by.
CREATE TABLE appeals_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM appeals LIMIT 0;
CREATE TABLE transfers_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM transfers LIMIT 0;

-- Whether the import kept the rows it replaced: imports from before this migration did not, so one
-- of those that updated rows cannot be undone. (One ALTER of import_runs per migration: DuckDB
-- cannot commit two on a table that holds rows.)
ALTER TABLE import_runs ADD COLUMN keeps_replaced BOOLEAN DEFAULT false;

-- Imports taken back, when and by whom; their import_runs.status becomes 'undone'.
CREATE TABLE import_undos (
  import_id  INTEGER PRIMARY KEY,
  undone_at  TIMESTAMPTZ NOT NULL,
  undone_by  VARCHAR
);
