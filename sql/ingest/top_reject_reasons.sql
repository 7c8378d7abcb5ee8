-- The commonest reasons among this import's rejects, with the field value stripped so alike reasons group.
SELECT regexp_replace(reason, '''[^'']*''', '…', 'g') AS reason, count(*)::INTEGER AS count
FROM rejects
WHERE import_id = $1
GROUP BY 1
ORDER BY count DESC, reason
LIMIT 10;
