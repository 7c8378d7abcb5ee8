-- A partition run's assignments, for the merge: each clustered appeal with its topic in this
-- partition (local_topic) and its similarity to that topic's centroid. $partition names the
-- partition in every row, so the merge reads all partitions' files at once.
COPY (
  SELECT $partition AS partition, k.platform, k.appeal_id, t.topic_id AS local_topic, t.similarity, k.district, k.month
  FROM lake_keys k
  JOIN appeal_topics t USING (platform, appeal_id)
  JOIN topics p ON p.topic_id = t.topic_id AND p.status = 'active'
  ORDER BY k.platform, k.appeal_id
) TO $file (FORMAT parquet, COMPRESSION zstd);
