-- The API token with this hash, while in force (not revoked, not expired), and when it expires.
SELECT token_id, name, CAST(epoch_ms(expires_at) AS DOUBLE) AS expires_ms
FROM api_tokens
WHERE token_hash = $token_hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now());
