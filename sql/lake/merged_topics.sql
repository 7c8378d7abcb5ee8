-- The merged topics as one Parquet file ($rows: JSON list of {topic_id, label, size, partitions}).
COPY (
  SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","label":"VARCHAR","size":"BIGINT","partitions":"INTEGER"}]'), recursive := true)
) TO $file (FORMAT parquet, COMPRESSION zstd);
