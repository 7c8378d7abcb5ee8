UPDATE decisions SET status = 'revoked' WHERE decision_id = $1 AND status = 'in_force';
