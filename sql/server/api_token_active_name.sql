-- Whether a token in force (not revoked, not expired) already has this name (names tell callers
-- apart in the audit log).
SELECT token_id FROM api_tokens WHERE name = $name AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now());
