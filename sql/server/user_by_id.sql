SELECT user_id, username, display_name, role, unit, disabled
FROM users
WHERE user_id = $user_id;
