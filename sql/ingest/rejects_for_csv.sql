-- An import's rejected rows for download, in file order (the raw row was masked when it was kept).
SELECT source_row, reason, reason_data::VARCHAR AS reason_data, raw
FROM rejects
WHERE import_id = $import_id
ORDER BY source_row NULLS LAST, reject_id
LIMIT $limit;
