-- Size and order-independent fingerprint of a run's input: the learning window's appeals (by key
-- and content hash) and how many appeals there are in all.
SELECT count(*)::INTEGER AS appeals,
       count(*) FILTER (WHERE learn)::INTEGER AS window_appeals,
       coalesce(bit_xor(hash(platform, appeal_id, row_hash)) FILTER (WHERE learn), 0)::VARCHAR AS input_hash
FROM (
  SELECT platform, appeal_id, row_hash,
         ($from IS NULL OR received_at >= $from::DATE) AND ($to IS NULL OR received_at < $to::DATE + INTERVAL 1 DAY) AS learn
  FROM topic_input
);
