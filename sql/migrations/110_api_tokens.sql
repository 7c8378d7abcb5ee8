-- API tokens: how a hotline platform's dispatch system calls the route suggestion without a person
-- signing in (server/auth/api-tokens.ts). Only the token's SHA-256 is kept; the token itself is
-- shown once, when it is made. A revoked token stays listed, so the audit trail can name it.
CREATE SEQUENCE api_token_id_seq START 1;
CREATE TABLE api_tokens (
  token_id      INTEGER PRIMARY KEY DEFAULT nextval('api_token_id_seq'),
  name          VARCHAR NOT NULL,
  token_hash    VARCHAR NOT NULL UNIQUE,
  created_by    VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at  TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ,
  revoked_by    VARCHAR
);
