-- NULL leaves a field as it is; unit is set together with role (a unit head needs one, others none).
UPDATE users SET
  display_name = coalesce($display_name::VARCHAR, display_name),
  role = coalesce($role::VARCHAR, role),
  unit = CASE WHEN $role::VARCHAR IS NULL THEN unit ELSE $unit::VARCHAR END,
  disabled = coalesce($disabled::BOOLEAN, disabled)
WHERE user_id = $user_id
RETURNING user_id;
