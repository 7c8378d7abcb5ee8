-- The newest finished run of the topic engine (not an incremental assignment), and how many
-- appeals came in after it (they were assigned to its topics or left unclustered, never clustered).
SELECT r.run_id, strftime(r.finished_at, '%Y-%m-%d %H:%M') AS finished_at, r.topics, r.new_topics, r.kept_topics, r.retired_topics,
  r.appeals, r.clustered,
  (SELECT count(*) FROM appeals a WHERE a.loaded_at > r.finished_at)::INTEGER AS loaded_since
FROM topic_runs r
WHERE r.kind = 'run' AND r.status = 'done'
ORDER BY r.run_id DESC
LIMIT 1;
