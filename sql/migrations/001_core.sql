-- Core canonical model: every source is mapped onto these tables (DESIGN.md §4).
-- Times are TIMESTAMPTZ; sessions run with TimeZone = 'Asia/Shanghai' so date_trunc and
-- month attribution follow local time.

CREATE TABLE settings (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- The caller-key salt is made once per database, so caller keys cannot be joined across databases.
INSERT INTO settings VALUES ('caller_salt', md5(gen_random_uuid()::VARCHAR || now()::VARCHAR));

CREATE SEQUENCE import_id_seq START 1;

CREATE TABLE import_runs (
  import_id    INTEGER PRIMARY KEY,
  kind         VARCHAR NOT NULL,          -- appeals | transfers | incidents
  source_file  VARCHAR NOT NULL,
  file_sha256  VARCHAR,
  format       VARCHAR,                   -- csv | xlsx | json | ndjson | parquet
  encoding     VARCHAR,
  mapping      JSON,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ,
  status       VARCHAR NOT NULL,          -- done | failed
  error        VARCHAR,
  rows_read    INTEGER NOT NULL DEFAULT 0,
  inserted     INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  rejected     INTEGER NOT NULL DEFAULT 0,
  duration_ms  INTEGER,
  imported_by  VARCHAR
);

-- One row per appeal (12345 work order) or incident (110).
CREATE TABLE appeals (
  platform          VARCHAR NOT NULL,     -- '12345' | '110' (or the source system for foreign data)
  appeal_id         VARCHAR NOT NULL,
  channel           VARCHAR,              -- phone | web | app | wechat | sms | other
  received_at       TIMESTAMPTZ NOT NULL,
  district          VARCHAR,
  street            VARCHAR,
  address           VARCHAR,              -- masked (house numbers kept only as given by the source)
  lon               DOUBLE,
  lat               DOUBLE,
  source_category   VARCHAR,              -- the source system's own classification
  appeal_type       VARCHAR,              -- 咨询 | 求助 | 投诉 | 举报 | 建议 | 感谢 …
  title             VARCHAR,              -- masked
  content           VARCHAR NOT NULL,     -- masked; the unmasked text is never stored
  caller_key        VARCHAR,              -- salted hash of the caller's number
  is_police_matter  BOOLEAN,              -- 110 only: false = non-police incident (should be diverted)
  status            VARCHAR,
  handling_unit     VARCHAR,
  closed_at         TIMESTAMPTZ,
  responded         BOOLEAN,              -- caller contacted within the platform's time limit
  resolved          BOOLEAN,
  satisfaction      VARCHAR,              -- satisfied | basic | dissatisfied
  row_hash          VARCHAR NOT NULL,     -- hash of the canonical fields: tells updated from unchanged
  import_id         INTEGER NOT NULL,
  source_file       VARCHAR NOT NULL,
  source_row        INTEGER NOT NULL,
  loaded_at         TIMESTAMPTZ NOT NULL
  -- Key (platform, appeal_id), kept unique by the import (one transaction, one writer) rather than
  -- by an index: an index on millions of ids costs more at import time than it saves at lookup time.
);

-- Every hand-over of one appeal, in order.
CREATE TABLE transfers (
  platform     VARCHAR NOT NULL,          -- platform of the appeal the transfer belongs to
  appeal_id    VARCHAR NOT NULL,
  seq          INTEGER NOT NULL,
  from_party   VARCHAR NOT NULL,          -- a unit name or 12345/110/119/120/122/water/power/gas/heat
  to_party     VARCHAR NOT NULL,
  method       VARCHAR NOT NULL,          -- dispatch | one_click | online | three_party_call
  sent_at      TIMESTAMPTZ NOT NULL,
  accepted_at  TIMESTAMPTZ,
  outcome      VARCHAR NOT NULL,          -- accepted | returned | negotiated | pending
  reason       VARCHAR,                   -- masked
  row_hash     VARCHAR NOT NULL,
  import_id    INTEGER NOT NULL,
  source_file  VARCHAR NOT NULL,
  source_row   INTEGER NOT NULL,
  loaded_at    TIMESTAMPTZ NOT NULL
  -- Key (platform, appeal_id, seq), kept unique by the import as for appeals.
);

-- Handling units resolved into kind and district; rows marked manual are never overwritten.
CREATE TABLE units (
  name      VARCHAR PRIMARY KEY,
  kind      VARCHAR,
  district  VARCHAR,
  origin    VARCHAR NOT NULL DEFAULT 'inferred'   -- inferred | manual
);

CREATE SEQUENCE reject_id_seq START 1;

-- Every input row that could not be loaded, with the raw row and a reason a person understands.
CREATE TABLE rejects (
  reject_id    BIGINT PRIMARY KEY DEFAULT nextval('reject_id_seq'),
  import_id    INTEGER NOT NULL,
  source_file  VARCHAR NOT NULL,
  source_row   INTEGER,
  raw          VARCHAR,
  reason       VARCHAR NOT NULL
);

-- Every version of a record ever loaded (by content hash): a re-import of an older export is
-- recognised as already seen, counted unchanged, and never rolls a record back.
CREATE TABLE appeal_versions (
  platform    VARCHAR NOT NULL,
  appeal_id   VARCHAR NOT NULL,
  row_hash    VARCHAR NOT NULL,
  import_id   INTEGER NOT NULL
);

CREATE TABLE transfer_versions (
  platform    VARCHAR NOT NULL,
  appeal_id   VARCHAR NOT NULL,
  seq         INTEGER NOT NULL,
  row_hash    VARCHAR NOT NULL,
  import_id   INTEGER NOT NULL
);
