-- The commonest reasons among this import's rejects, alike ones grouped (reason_shape), each with
-- its reason as data when it has one.
SELECT reason_shape(reason) AS reason, count(*)::INTEGER AS count, any_value(reason_data_shape(reason_data))::VARCHAR AS reason_data
FROM rejects
WHERE import_id = $1
GROUP BY 1
ORDER BY count DESC, reason
LIMIT 10;
