UPDATE users SET last_login_at = now() WHERE user_id = $user_id;
