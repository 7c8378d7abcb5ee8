SELECT from_status, to_status, changed_by, changed_at
FROM meeting_status_history
WHERE meeting_id = $1
ORDER BY changed_at, to_status;
