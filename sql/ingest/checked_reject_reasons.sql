-- The commonest reasons the rows of a checked file would be rejected for (nothing written yet: the
-- reasons are in the temp tables typed and staged_errors), grouped as top_reject_reasons groups them.
WITH would_reject AS (
  SELECT reject_text(reject_data(reject_reason)) AS reason, to_json(reject_data(reject_reason)) AS reason_data
  FROM typed
  WHERE reject_reason IS NOT NULL
  UNION ALL
  SELECT reason, reason_data FROM staged_errors
)
SELECT reason_shape(reason) AS reason, count(*)::INTEGER AS count, any_value(reason_data_shape(reason_data))::VARCHAR AS reason_data
FROM would_reject
GROUP BY 1
ORDER BY count DESC, reason
LIMIT 10;
