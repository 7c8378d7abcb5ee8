-- Users, sessions and the audit log of the dashboard (issue 5).

CREATE SEQUENCE user_id_seq START 1;

-- Roles: officer (all topics and masked appeals, builds agendas), unit_head (full detail only for
-- the records of `unit`, aggregates otherwise), leader (KPIs and reports), admin (users, units,
-- lexicons, imports). Passwords are argon2id hashes (PHC strings); the password itself is never kept.
CREATE TABLE users (
  user_id        INTEGER PRIMARY KEY DEFAULT nextval('user_id_seq'),
  username       VARCHAR NOT NULL UNIQUE,
  display_name   VARCHAR,
  role           VARCHAR NOT NULL CHECK (role IN ('officer', 'unit_head', 'leader', 'admin')),
  unit           VARCHAR,                  -- unit_head only: a unit name as in appeals.handling_unit / transfers
  password_hash  VARCHAR NOT NULL,
  disabled       BOOLEAN NOT NULL DEFAULT false,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_login_at  TIMESTAMPTZ,
  CHECK ((role = 'unit_head') = (unit IS NOT NULL))
);

-- One row per signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a
-- copy of the database file does not let anyone sign in. csrf_token is echoed by the client in the
-- X-CSRF-Token header of every state-changing request.
CREATE TABLE sessions (
  token_hash  VARCHAR PRIMARY KEY,
  user_id     INTEGER NOT NULL,
  csrf_token  VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at  TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE audit_id_seq START 1;

-- Who did what, when: sign-ins, user changes, imports, curation, and every export of records.
CREATE TABLE audit_log (
  audit_id  BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
  who       VARCHAR NOT NULL,               -- username, or 'system'
  action    VARCHAR NOT NULL,               -- e.g. login, login_failed, export, import, user_create
  what      VARCHAR,                        -- the object acted on: a route with its filters, a file, a user
  "at"      TIMESTAMPTZ NOT NULL DEFAULT now(),  -- quoted: AT is a keyword in DuckDB
  details   JSON
);
