SELECT user_id, username, display_name, role, unit, disabled,
  strftime(created_at, '%Y-%m-%d %H:%M') AS created_at,
  strftime(last_login_at, '%Y-%m-%d %H:%M') AS last_login_at
FROM users
ORDER BY username;
