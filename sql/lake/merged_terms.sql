-- The merged topics' distinctive terms ($rows: JSON list of {topic_id, rank, term, weight, share}).
COPY (
  SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","rank":"INTEGER","term":"VARCHAR","weight":"DOUBLE","share":"DOUBLE"}]'), recursive := true)
) TO $file (FORMAT parquet, COMPRESSION zstd);
