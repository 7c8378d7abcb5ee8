SELECT user_id, username, display_name, role, unit, password_hash, disabled
FROM users
WHERE username = $username;
