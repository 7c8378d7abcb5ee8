-- Revokes a token in force; answers it (none when there is no such token in force).
UPDATE api_tokens SET revoked_at = now(), revoked_by = $by
WHERE token_id = $token_id AND revoked_at IS NULL
RETURNING token_id, name;
