-- The earlier versions kept to undo imports (appeals_replaced, transfers_replaced) grow with every
-- re-export of records that changed. Clearing them (pipelines/ingest/prune-replaced.ts) is recorded
-- here: every import up to up_to_import_id can no longer be undone.
CREATE TABLE replaced_prunes (
  pruned_at        TIMESTAMPTZ NOT NULL,
  pruned_by        VARCHAR,
  up_to_import_id  INTEGER NOT NULL,
  appeals          INTEGER NOT NULL,
  transfers        INTEGER NOT NULL
);
