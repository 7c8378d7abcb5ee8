-- A new API token (its hash), in force for $days days (NULL: with no end); answers its id and expiry.
INSERT INTO api_tokens (name, token_hash, created_by, expires_at)
VALUES ($name, $token_hash, $created_by, CASE WHEN $days IS NOT NULL THEN now() + to_days(CAST($days AS INTEGER)) END)
RETURNING token_id, strftime(expires_at, '%Y-%m-%d %H:%M') AS expires_at;
