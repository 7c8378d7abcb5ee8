-- The commonest reasons among this import's rejects, with the field value stripped so alike reasons
-- group; also the reason as data, its quoted values left out for the same cause (field counts stay:
-- they are part of the grouped text).
SELECT regexp_replace(reason, '''[^'']*''', '…', 'g') AS reason, count(*)::INTEGER AS count,
  any_value(json_merge_patch(reason_data, '{"value": null, "value2": null}'))::VARCHAR AS reason_data
FROM rejects
WHERE import_id = $1
GROUP BY 1
ORDER BY count DESC, reason
LIMIT 10;
