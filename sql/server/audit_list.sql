SELECT audit_id, who, action, what, strftime("at", '%Y-%m-%d %H:%M:%S') AS "at", details::VARCHAR AS details
FROM audit_log
WHERE ($action::VARCHAR IS NULL OR action = $action)
  AND ($who::VARCHAR IS NULL OR who = $who)
ORDER BY audit_id DESC
LIMIT $limit OFFSET $offset;
