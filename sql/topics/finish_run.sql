-- Closes a run record with what it did.
UPDATE topic_runs SET
  finished_at = now(), status = 'done', params = $params::JSON, segmenter_version = $segmenter_version,
  lexicon_hash = $lexicon_hash, input_hash = $input_hash, appeals = $appeals, window_appeals = $window_appeals,
  clustered = $clustered, topics = $topics, new_topics = $new_topics, kept_topics = $kept_topics,
  retired_topics = $retired_topics, duration_ms = $duration_ms
WHERE run_id = $run_id;
