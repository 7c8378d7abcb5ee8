-- A digest of everything appeal_signals is derived from ($config: digest of the rules and thresholds).
-- When it differs from the stored one, the derived tables are rebuilt.
SELECT md5(concat_ws('|',
  (SELECT count(*) || ':' || coalesce(max(loaded_at)::VARCHAR, '') FROM appeals),
  (SELECT count(*) || ':' || coalesce(max(loaded_at)::VARCHAR, '') FROM transfers),
  -- integer sums (not hashes of every key) keep this check cheap at a million rows; a reassignment
  -- moves topic_id and similarity sums
  (SELECT count(*) || ':' || coalesce(sum(topic_id), 0) || ':' || coalesce(sum(CAST(similarity * 1e6 AS BIGINT)), 0) FROM appeal_topics),
  (SELECT count(*) || ':' || coalesce(sum(hash(name, kind, district))::VARCHAR, '') FROM units),
  $config)) AS fingerprint;
