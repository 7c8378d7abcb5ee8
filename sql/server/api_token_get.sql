-- The API token with this hash, unless revoked.
SELECT token_id, name FROM api_tokens WHERE token_hash = $token_hash AND revoked_at IS NULL;
