INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
VALUES ($token_hash, $user_id, $csrf_token, now() + to_hours($hours::INTEGER));
