-- Topic engine (issue 3). Contract used by disputes, agenda and the dashboard:
--   topics(topic_id, label, status)           status: active | merged | noise | retired
--   appeal_topics(platform, appeal_id, topic_id, similarity)   one row per clustered appeal
-- Unclustered appeals have no row in appeal_topics (they are listed in topic_outliers).
-- Everything else here is the engine's own state: runs with their parameters, the model used to
-- assign new appeals (vocabulary and centroids), labels and terms, lineage and curation.

CREATE SEQUENCE topic_run_seq START 1;

-- One row per clustering run or incremental assignment, with what is needed to reproduce it.
CREATE TABLE topic_runs (
  run_id             INTEGER PRIMARY KEY,
  kind               VARCHAR NOT NULL DEFAULT 'run',   -- run | assign
  started_at         TIMESTAMPTZ NOT NULL,
  finished_at        TIMESTAMPTZ,
  params             JSON,
  status             VARCHAR NOT NULL,                 -- running | done | failed
  segmenter_version  VARCHAR,
  lexicon_hash       VARCHAR,
  input_hash         VARCHAR,                          -- order-independent hash of the input appeals
  window_from        DATE,
  window_to          DATE,
  appeals            INTEGER,                          -- appeals assigned or left unclustered
  window_appeals     INTEGER,                          -- appeals the topics were learned from
  clustered          INTEGER,
  topics             INTEGER,                          -- active topics after the run
  new_topics         INTEGER,
  kept_topics        INTEGER,
  retired_topics     INTEGER,
  duration_ms        INTEGER,
  error              VARCHAR
);

CREATE TABLE topics (
  topic_id      INTEGER PRIMARY KEY,
  label         VARCHAR NOT NULL,
  status        VARCHAR NOT NULL DEFAULT 'active',
  size          INTEGER NOT NULL DEFAULT 0,
  created_run   INTEGER,
  updated_run   INTEGER,
  auto_label    VARCHAR,                  -- the engine's label; `label` differs when a person renamed it
  label_source  VARCHAR NOT NULL DEFAULT 'auto',   -- auto | curated
  merged_into   INTEGER,                  -- status merged: the topic that took its appeals
  parent_topic  INTEGER,                  -- made by splitting this topic
  threshold     DOUBLE                    -- lowest similarity at which an appeal joins this topic
);

-- Key (platform, appeal_id), kept unique by the engine (each run rewrites the table; assignment adds
-- only appeals without a row) rather than by an index: an index made rewriting a million rows
-- take 35 s instead of 1 s.
CREATE TABLE appeal_topics (
  platform     VARCHAR NOT NULL,
  appeal_id    VARCHAR NOT NULL,
  topic_id     INTEGER NOT NULL,
  similarity   DOUBLE NOT NULL
);

-- Appeals the engine looked at and left unclustered: the outlier queue. row_hash tells a later
-- assignment which of them changed since.
CREATE TABLE topic_outliers (
  platform         VARCHAR NOT NULL,
  appeal_id        VARCHAR NOT NULL,
  row_hash         VARCHAR,
  run_id           INTEGER NOT NULL,
  best_topic       INTEGER,                -- the nearest topic, below its threshold
  best_similarity  DOUBLE
);

-- Distinctive terms of each topic (class-based TF-IDF), best first. share = part of the topic's
-- appeals that contain the term.
CREATE TABLE topic_terms (
  topic_id  INTEGER NOT NULL,
  rank      INTEGER NOT NULL,
  term      VARCHAR NOT NULL,
  weight    DOUBLE NOT NULL,
  share     DOUBLE NOT NULL
);

-- Unit-length centroid of each topic over its strongest terms: used to assign new appeals and to
-- recognise the topic in the next run. Kept for merged and retired topics too.
CREATE TABLE topic_centroids (
  topic_id  INTEGER NOT NULL,
  term      VARCHAR NOT NULL,
  weight    DOUBLE NOT NULL
);

-- The most central appeals of each topic (texts stay in appeals, masked).
CREATE TABLE topic_examples (
  topic_id    INTEGER NOT NULL,
  rank        INTEGER NOT NULL,
  platform    VARCHAR NOT NULL,
  appeal_id   VARCHAR NOT NULL,
  similarity  DOUBLE NOT NULL
);

-- The vectoriser of the latest run: term → inverse document frequency.
CREATE TABLE topic_vocabulary (
  term  VARCHAR NOT NULL,
  df    INTEGER NOT NULL,
  idf   DOUBLE NOT NULL
);

-- How topics of one run descend from the previous run's: continued (same id), split, merged,
-- new, retired; curation actions are recorded here too (source curation).
CREATE TABLE topic_lineage (
  run_id      INTEGER,
  from_topic  INTEGER,
  to_topic    INTEGER,
  kind        VARCHAR NOT NULL,             -- continued | split | merged | new | retired
  share       DOUBLE,                       -- part of from_topic's appeals that went to to_topic
  similarity  DOUBLE,                       -- centroid similarity between the two
  source      VARCHAR NOT NULL DEFAULT 'run',   -- run | curation
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE topic_curation_seq START 1;

-- Every curation a person made; re-applied in order after every run and honoured by assignment.
CREATE TABLE topic_curations (
  curation_id  INTEGER PRIMARY KEY,
  action       VARCHAR NOT NULL,            -- rename | merge | split | noise | restore | promote
  topic_id     INTEGER NOT NULL,
  args         JSON,
  created_at   TIMESTAMPTZ NOT NULL,
  created_by   VARCHAR
);

-- Place, street and unit names learned from the data for the segmenter's user dictionary.
CREATE TABLE topic_lexicon (
  word    VARCHAR NOT NULL,
  kind    VARCHAR NOT NULL,                 -- place | unit
  freq    INTEGER NOT NULL
);

-- A run's result per appeal before it replaces appeal_topics and topic_outliers (empty between
-- runs). rid is the appeal's row id in this transaction; topic_id NULL = left unclustered.
CREATE TABLE topic_stage (
  rid          BIGINT NOT NULL,
  topic_id     INTEGER,
  similarity   DOUBLE NOT NULL,
  best_topic   INTEGER
);

-- The appeals the topic engine works on: 12345 work orders (and other hotlines' records) and
-- 110 incidents that are not police matters. rid (the row id) ties a run's results back to the
-- row within one transaction; it is never used for ordering.
CREATE VIEW topic_input AS
SELECT rowid AS rid, *
FROM appeals
WHERE NOT (platform = '110' AND coalesce(is_police_matter, true));
