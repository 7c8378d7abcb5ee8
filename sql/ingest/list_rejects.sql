SELECT import_id, source_file, source_row, reason, raw
FROM rejects
WHERE $import_id::INTEGER IS NULL OR import_id = $import_id::INTEGER
ORDER BY import_id, source_row
LIMIT $limit;
