-- The commonest reasons among this import's rejects, with the field value stripped so alike reasons
-- group; for checked values also the reason as data, its values left out for the same cause.
SELECT regexp_replace(reason, '''[^'']*''', '…', 'g') AS reason, count(*)::INTEGER AS count,
  any_value(CASE WHEN reason_data IS NOT NULL
    THEN json_object('code', reason_data->>'code', 'label', reason_data->>'label', 'label2', reason_data->>'label2') END)::VARCHAR AS reason_data
FROM rejects
WHERE import_id = $1
GROUP BY 1
ORDER BY count DESC, reason
LIMIT 10;
