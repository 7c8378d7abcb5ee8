-- Every API token, in force first, newest first; never the hash.
SELECT token_id, name, created_by, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at,
  strftime(last_used_at, '%Y-%m-%d %H:%M') AS last_used_at, strftime(revoked_at, '%Y-%m-%d %H:%M') AS revoked_at, revoked_by,
  strftime(expires_at, '%Y-%m-%d %H:%M') AS expires_at, coalesce(expires_at <= now(), false) AS expired
FROM api_tokens
ORDER BY revoked_at IS NOT NULL OR coalesce(expires_at <= now(), false), token_id DESC;
