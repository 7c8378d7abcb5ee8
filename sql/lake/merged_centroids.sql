-- The merged topics' centroids, read back by the next merge so topics keep their ids
-- ($rows: JSON list of {topic_id, term, weight}).
COPY (
  SELECT unnest(from_json($rows, '[{"topic_id":"INTEGER","term":"VARCHAR","weight":"DOUBLE"}]'), recursive := true)
) TO $file (FORMAT parquet, COMPRESSION zstd);
