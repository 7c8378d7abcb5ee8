-- When a token was last used (written at most once a minute per token).
UPDATE api_tokens SET last_used_at = now() WHERE token_id = $token_id;
