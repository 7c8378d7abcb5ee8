INSERT INTO users (username, display_name, role, unit, password_hash)
VALUES ($username, $display_name, $role, $unit, $password_hash)
RETURNING user_id;
