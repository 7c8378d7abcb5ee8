-- What the database holds: record counts, the span of receipt dates, the latest import.
SELECT
  (SELECT count(*) FROM appeals)::INTEGER AS appeals,
  (SELECT count(*) FROM transfers)::INTEGER AS transfers,
  (SELECT count(*) FROM units)::INTEGER AS units,
  (SELECT count(*) FROM topics WHERE status = 'active')::INTEGER AS topics,
  (SELECT strftime(min(received_at), '%Y-%m-%d') FROM appeals) AS first_day,
  (SELECT strftime(max(received_at), '%Y-%m-%d') FROM appeals) AS last_day,
  (SELECT strftime(max(finished_at), '%Y-%m-%d %H:%M') FROM import_runs WHERE status = 'done') AS last_import;
