-- Dispute detection and linkage KPIs (issue 4).
--
-- appeal_signals and transfer_facts are derived tables, rebuilt from appeals, transfers, units and
-- appeal_topics by pipelines/disputes/signals.ts whenever their inputs changed (the inputs'
-- fingerprint is kept in settings under 'disputes_fingerprint'). They are never edited by hand.
-- Unit kinds come from the rules in pipelines/disputes/rules/unit-kinds.json (manual rows of
-- `units` are never overwritten); the score configuration's defaults are in
-- pipelines/disputes/rules/score-config.json, overridden per database by the JSON in
-- settings key 'dispute_config'.
-- The derived tables hold one row per transfer / appeal by construction; they carry no primary key
-- because building its index would double the rebuild time at a million appeals.

-- One row per hand-over, classified once so KPIs scan one table instead of joining three.
CREATE TABLE transfer_facts (
  platform        VARCHAR NOT NULL,
  appeal_id       VARCHAR NOT NULL,
  seq             INTEGER NOT NULL,
  district        VARCHAR,              -- the appeal's district (KPI attribution)
  sent_at         TIMESTAMPTZ NOT NULL,
  sent_day        DATE NOT NULL,        -- local date of sent_at (KPI periods group by it cheaply)
  accepted_at     TIMESTAMPTZ,
  from_party      VARCHAR NOT NULL,
  to_party        VARCHAR NOT NULL,
  method          VARCHAR NOT NULL,
  outcome         VARCHAR NOT NULL,
  -- link: '110→12345' | '12345→110' | 'emergency' | 'dispatch' (to a unit) | 'other'
  link            VARCHAR NOT NULL,
  emergency_party VARCHAR,              -- 119 | 120 | 122 | water | power | gas | heat (link = 'emergency')
  to_kind         VARCHAR,              -- unit kind of to_party (dispatches)
  to_district     VARCHAR,
  accept_minutes  DOUBLE,               -- accepted_at − sent_at, when accepted
  -- return_class (returned dispatches): functional | territorial | unclear
  return_class    VARCHAR
);

-- One row per appeal: its dispute signals (each its own column) and the facts KPIs need.
CREATE TABLE appeal_signals (
  platform               VARCHAR NOT NULL,
  appeal_id              VARCHAR NOT NULL,
  received_at            TIMESTAMPTZ NOT NULL,
  received_day           DATE NOT NULL,      -- local date of received_at
  district               VARCHAR,
  topic_id               INTEGER,
  topic_similarity       DOUBLE,             -- the topic engine's similarity (closeness to the topic)
  -- hand-overs
  unit_dispatches        INTEGER NOT NULL,   -- transfers to units
  unit_kinds             INTEGER NOT NULL,   -- distinct kinds of unit the appeal was sent to
  returns                INTEGER NOT NULL,   -- returned dispatches, any reason
  functional_returns     INTEGER NOT NULL,   -- returned because another kind of unit should handle it
  territorial_returns    INTEGER NOT NULL,   -- returned because another district's unit of the same kind should (dispatch error)
  platform_handovers     INTEGER NOT NULL,   -- transfers between 12345 and 110
  owner_unit             VARCHAR,            -- final handling unit
  owner_kind             VARCHAR,
  hours_to_first_accept  DOUBLE,             -- receipt → first unit acceptance
  hours_to_owner         DOUBLE,             -- receipt → acceptance by the unit that kept it
  -- dispute signals (DESIGN §6)
  sig_functional_return  BOOLEAN NOT NULL,
  sig_redispatch_kind    BOOLEAN NOT NULL,   -- sent to units of two or more kinds
  sig_ping_pong          BOOLEAN NOT NULL,   -- 12345 ↔ 110 back and forth
  sig_three_party        BOOLEAN NOT NULL,   -- three-party call or negotiated outcome
  sig_no_owner           BOOLEAN NOT NULL,   -- no unit kept it within noOwnerHours
  sig_slow_accept        BOOLEAN NOT NULL,   -- first acceptance later than slowAcceptHours
  sig_many_kinds         BOOLEAN NOT NULL,   -- manyKinds or more unit kinds involved
  sig_text_cue           BOOLEAN NOT NULL,
  text_cue               VARCHAR,            -- the cue found in the text, e.g. 互相推诿
  sig_repeat_caller      BOOLEAN NOT NULL,   -- same caller, same topic, within repeatDays before
  sig_repeat_address     BOOLEAN NOT NULL,   -- same address, same topic, within repeatDays before
  signal_count           INTEGER NOT NULL,   -- dispute signals raised (repeat caller/address count once)
  -- facts for KPIs
  has_caller             BOOLEAN NOT NULL,
  is_police_matter       BOOLEAN,
  diverted_to_12345      BOOLEAN NOT NULL,   -- a 110 record handed to 12345
  platform_transferred   BOOLEAN NOT NULL,   -- any transfer between 12345 and 110
  responded              BOOLEAN,
  resolved               BOOLEAN,
  satisfaction           VARCHAR
);

-- KPI rollups, rebuilt from the member views in sql/kpis/ whenever appeal_signals is rebuilt
-- (pipelines/kpis/rollup.ts): counts and rates per local day, percentiles per calendar period.
CREATE TABLE kpi_daily (
  kpi        VARCHAR NOT NULL,
  day        DATE NOT NULL,
  district   VARCHAR,
  breakdown  VARCHAR,
  num        BIGINT NOT NULL,
  den        BIGINT
);

CREATE TABLE kpi_percentiles (
  kpi           VARCHAR NOT NULL,
  period_unit   VARCHAR NOT NULL,     -- day | week | month | quarter
  period_start  DATE NOT NULL,
  by_district   BOOLEAN NOT NULL,     -- false: all districts together (district is NULL)
  district      VARCHAR,
  total         BOOLEAN NOT NULL,     -- true: all breakdown values together (breakdown is NULL)
  breakdown     VARCHAR,
  n             INTEGER NOT NULL,
  p50           DOUBLE,
  p90           DOUBLE
);

-- Appeals and structurally disputed appeals per topic and calendar period (all districts, and per
-- district): what the disputed-topics KPIs count from (sql/kpis/disputed_topics.sql).
CREATE TABLE kpi_topic_periods (
  period_unit   VARCHAR NOT NULL,
  period_start  DATE NOT NULL,
  by_district   BOOLEAN NOT NULL,
  district      VARCHAR,
  topic_id      INTEGER NOT NULL,
  appeals       INTEGER NOT NULL,
  disputed      INTEGER NOT NULL      -- with a functional return, re-dispatch to another kind, ping-pong or three-party call
);
