-- Consultation workflow (issue 6): meetings, their agendas, decisions and the jurisdiction rules
-- decisions become. Contract used by the agenda proposal: a topic with a decision in force
-- (decisions.status = 'in_force') is settled and is not proposed again.

CREATE SEQUENCE meeting_id_seq START 1;
CREATE SEQUENCE agenda_item_id_seq START 1;
CREATE SEQUENCE decision_id_seq START 1;

CREATE TABLE meetings (
  meeting_id   INTEGER PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
  title        VARCHAR NOT NULL,
  meeting_date DATE NOT NULL,
  kind         VARCHAR NOT NULL DEFAULT 'regular',   -- regular | special
  status       VARCHAR NOT NULL DEFAULT 'draft',     -- draft | issued | held | minutes_issued
  created_by   VARCHAR,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agenda_items (
  item_id      INTEGER PRIMARY KEY DEFAULT nextval('agenda_item_id_seq'),
  meeting_id   INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  topic_id     INTEGER,              -- NULL for an item added by hand without a topic
  title        VARCHAR NOT NULL,
  notes        VARCHAR
);

CREATE TABLE meeting_units (
  meeting_id   INTEGER NOT NULL,
  unit_name    VARCHAR NOT NULL,
  PRIMARY KEY (meeting_id, unit_name)
);

CREATE TABLE decisions (
  decision_id     INTEGER PRIMARY KEY DEFAULT nextval('decision_id_seq'),
  item_id         INTEGER NOT NULL,
  topic_id        INTEGER,
  lead_unit       VARCHAR NOT NULL,
  assisting_units VARCHAR[] NOT NULL DEFAULT [],
  norm_text       VARCHAR NOT NULL,
  deadline_days   INTEGER,
  scope_districts VARCHAR[] NOT NULL DEFAULT [],   -- empty = every district
  effective_from  DATE NOT NULL,
  status          VARCHAR NOT NULL DEFAULT 'in_force',   -- in_force | revoked
  recorded_by     VARCHAR,
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
