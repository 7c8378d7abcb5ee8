-- One page of an import's rejected rows (the raw row was masked when it was kept), with their number.
SELECT source_row, reason, reason_data::VARCHAR AS reason_data, raw, count(*) OVER ()::INTEGER AS total
FROM rejects
WHERE import_id = $import_id
ORDER BY source_row NULLS LAST, reject_id
LIMIT $limit OFFSET $offset;
