-- Every key of the staged JSON objects, in the order first seen.
SELECT key
FROM (SELECT unnest(json_keys(j)) AS key, line FROM json_rows WHERE json_object_or_null(j) IS NOT NULL)
GROUP BY key
ORDER BY min(line), key;
