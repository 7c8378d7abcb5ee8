INSERT INTO audit_log (who, action, what, details) VALUES ($who, $action, $what, $details::JSON);
