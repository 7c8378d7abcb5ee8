-- A new API token (its hash); answers its id.
INSERT INTO api_tokens (name, token_hash, created_by) VALUES ($name, $token_hash, $created_by)
RETURNING token_id;
