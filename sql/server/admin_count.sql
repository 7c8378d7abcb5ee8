-- Enabled admins other than $user_id: the last one may not be demoted or disabled.
SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin' AND NOT disabled AND user_id <> $user_id;
