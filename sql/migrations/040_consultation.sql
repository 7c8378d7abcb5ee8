-- Consultation workflow (issue 6): meetings, their agendas, decisions and the jurisdiction rules
-- decisions become. Contract used by the agenda proposal: a topic with a decision in force
-- (decisions.status = 'in_force') is settled and is not proposed again.

CREATE SEQUENCE meeting_id_seq START 1;
CREATE SEQUENCE agenda_item_id_seq START 1;
CREATE SEQUENCE decision_id_seq START 1;
CREATE SEQUENCE document_export_id_seq START 1;

CREATE TABLE meetings (
  meeting_id   INTEGER PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
  title        VARCHAR NOT NULL,
  meeting_date DATE NOT NULL,
  kind         VARCHAR NOT NULL DEFAULT 'regular',   -- regular | special
  status       VARCHAR NOT NULL DEFAULT 'draft',     -- draft | issued | held | minutes_issued
  convener     VARCHAR,                              -- who convenes (named in the minutes)
  location     VARCHAR,
  -- Evidence window of the agenda (inclusive dates); NULL = the 90 days of data before the meeting.
  period_from  DATE,
  period_to    DATE,
  created_by   VARCHAR,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every status change, so the minutes and the audit can say who issued what and when.
CREATE TABLE meeting_status_history (
  meeting_id   INTEGER NOT NULL,
  from_status  VARCHAR,                              -- NULL for the creation
  to_status    VARCHAR NOT NULL,
  changed_by   VARCHAR,
  changed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agenda_items (
  item_id      INTEGER PRIMARY KEY DEFAULT nextval('agenda_item_id_seq'),
  meeting_id   INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  topic_id     INTEGER,              -- NULL for an item added by hand without a topic
  title        VARCHAR NOT NULL,
  notes        VARCHAR,
  origin       VARCHAR NOT NULL DEFAULT 'manual',    -- proposal | manual
  -- The evidence the officer saw when the item was added (score parts, trend, units, return flow,
  -- masked samples, suggested lead unit), frozen so the issued agenda does not change under it.
  evidence     JSON
);

CREATE TABLE meeting_units (
  meeting_id   INTEGER NOT NULL,
  unit_name    VARCHAR NOT NULL,
  origin       VARCHAR NOT NULL DEFAULT 'manual',    -- suggested | manual
  PRIMARY KEY (meeting_id, unit_name)
);

CREATE TABLE decisions (
  decision_id     INTEGER PRIMARY KEY DEFAULT nextval('decision_id_seq'),
  item_id         INTEGER NOT NULL,
  topic_id        INTEGER,
  lead_unit       VARCHAR NOT NULL,
  assisting_units VARCHAR[] NOT NULL DEFAULT [],
  norm_text       VARCHAR NOT NULL,
  deadline_days   INTEGER,                            -- handling time limit the norm sets, in days
  scope_districts VARCHAR[] NOT NULL DEFAULT [],   -- empty = every district
  effective_from  DATE NOT NULL,
  status          VARCHAR NOT NULL DEFAULT 'in_force',   -- in_force | superseded | revoked
  superseded_by   INTEGER,                            -- the later decision covering the same scope
  recorded_by     VARCHAR,
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A decision in force on a topic is a jurisdiction rule: appeals matching the topic (in the rule's
-- districts, from its effective date) are suggested to its lead unit.
CREATE VIEW jurisdiction_rules AS
SELECT
  d.decision_id AS rule_id,
  d.decision_id,
  d.topic_id,
  t.label AS topic_label,
  d.lead_unit,
  d.assisting_units,
  d.norm_text,
  d.deadline_days,
  d.scope_districts,
  d.effective_from,
  i.meeting_id,
  m.title AS meeting_title,
  m.meeting_date
FROM decisions d
JOIN agenda_items i ON i.item_id = d.item_id
JOIN meetings m ON m.meeting_id = i.meeting_id
LEFT JOIN topics t ON t.topic_id = d.topic_id
WHERE d.status = 'in_force' AND d.topic_id IS NOT NULL;

-- Every document generated for download: who, what, when (the records it holds are masked).
CREATE TABLE document_exports (
  export_id    INTEGER PRIMARY KEY DEFAULT nextval('document_export_id_seq'),
  document     VARCHAR NOT NULL,     -- agenda | minutes | unit | operation
  format       VARCHAR NOT NULL,     -- docx | xlsx | html
  subject      JSON NOT NULL,        -- the request: meeting id, unit and period, …
  file_name    VARCHAR NOT NULL,
  bytes        INTEGER NOT NULL,
  sha256       VARCHAR NOT NULL,
  exported_by  VARCHAR,
  exported_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
