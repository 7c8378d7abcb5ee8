-- A live session and its user; expired sessions and disabled users do not sign anyone in.
SELECT s.csrf_token, epoch_ms(s.expires_at) AS expires_ms, u.user_id, u.username, u.display_name, u.role, u.unit
FROM sessions s JOIN users u USING (user_id)
WHERE s.token_hash = $token_hash AND s.expires_at > now() AND NOT u.disabled;
