-- What the last refresh of appeal_signals and transfer_facts covered, so that the next one can
-- recompute only the appeals whose inputs changed since (pipelines/disputes/signals.ts,
-- sql/disputes/signal_changes.sql). No row in signal_state: the next refresh rebuilds everything.
CREATE TABLE signal_state (
  rules      VARCHAR NOT NULL,       -- digest of the rules and thresholds the tables were built with
  import_id  INTEGER NOT NULL,       -- highest import_id of appeals and transfers then
  loaded_at  TIMESTAMPTZ NOT NULL    -- latest loaded_at then (catches rows written outside an import)
);

-- The units (kind, district) as the last refresh saw them: a unit that changed since touches the
-- appeals sent to it or owned by it.
CREATE TABLE signal_units (
  name      VARCHAR NOT NULL,
  kind      VARCHAR,
  district  VARCHAR
);

-- Where each appeal sat in the repeat runs (same caller / address and topic) when its signals were
-- computed: an import that changes an appeal's caller or address replaces the row that said so, and
-- the appeals that followed it there are found through these. Hashes (NULL when the key is), so
-- they are matched as integers; a collision only recomputes an appeal more.
ALTER TABLE appeal_signals ADD COLUMN caller_hash UBIGINT;
ALTER TABLE appeal_signals ADD COLUMN address_hash UBIGINT;
