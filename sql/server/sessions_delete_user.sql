-- Signs a user out everywhere (disabled, role changed, password reset).
DELETE FROM sessions WHERE user_id = $user_id;
