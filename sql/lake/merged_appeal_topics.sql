-- Every clustered appeal of the lake with its merged topic, partitioned like the appeals (Hive
-- layout under $dir). $files: the partitions' assignments files; $map: JSON list of
-- {partition, local_topic, topic_id}. similarity is the appeal's to its partition topic.
COPY (
  SELECT a.platform, a.appeal_id, m.topic_id, a.local_topic, a.similarity, a.partition AS topic_partition, a.district, a.month
  FROM read_parquet(from_json($files, '["VARCHAR"]')) a
  JOIN (SELECT unnest(from_json($map, '[{"partition":"VARCHAR","local_topic":"INTEGER","topic_id":"INTEGER"}]'), recursive := true)) m
    ON m.partition = a.partition AND m.local_topic = a.local_topic
) TO $dir (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (district, month), WRITE_PARTITION_COLUMNS true);
