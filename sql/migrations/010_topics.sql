-- Topic engine (issue 3). Contract used by disputes, agenda and the dashboard:
--   topics(topic_id, label, status)           status: active | merged | noise | retired
--   appeal_topics(platform, appeal_id, topic_id, similarity)   one row per clustered appeal
-- Unclustered appeals have no row in appeal_topics.

CREATE SEQUENCE topic_run_seq START 1;

CREATE TABLE topic_runs (
  run_id       INTEGER PRIMARY KEY,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ,
  params       JSON,
  status       VARCHAR NOT NULL
);

CREATE TABLE topics (
  topic_id     INTEGER PRIMARY KEY,
  label        VARCHAR NOT NULL,
  status       VARCHAR NOT NULL DEFAULT 'active',
  size         INTEGER NOT NULL DEFAULT 0,
  created_run  INTEGER,
  updated_run  INTEGER
);

CREATE TABLE appeal_topics (
  platform     VARCHAR NOT NULL,
  appeal_id    VARCHAR NOT NULL,
  topic_id     INTEGER NOT NULL,
  similarity   DOUBLE NOT NULL,
  PRIMARY KEY (platform, appeal_id)
);
