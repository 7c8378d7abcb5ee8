-- Which partition topic went into which merged topic, and how similar their centroids are
-- ($rows: JSON list of {partition, local_topic, local_label, size, topic_id, similarity}).
COPY (
  SELECT unnest(from_json($rows, '[{"partition":"VARCHAR","local_topic":"INTEGER","local_label":"VARCHAR","size":"BIGINT","topic_id":"INTEGER","similarity":"DOUBLE"}]'), recursive := true)
) TO $file (FORMAT parquet, COMPRESSION zstd);
