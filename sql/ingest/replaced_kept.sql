-- The earlier versions kept to undo imports: how many, the oldest import they belong to, and the last
-- clearing (pipelines/ingest/prune-replaced.ts).
WITH kept AS (
  SELECT replaced_by FROM appeals_replaced
  UNION ALL
  SELECT replaced_by FROM transfers_replaced
), last AS (
  SELECT * FROM replaced_prunes ORDER BY up_to_import_id DESC, pruned_at DESC LIMIT 1
)
SELECT
  (SELECT count(*) FROM appeals_replaced)::INTEGER AS appeals,
  (SELECT count(*) FROM transfers_replaced)::INTEGER AS transfers,
  (SELECT count(DISTINCT replaced_by) FROM kept)::INTEGER AS imports,
  (SELECT strftime(min(r.started_at), '%Y-%m-%d %H:%M') FROM import_runs r SEMI JOIN kept k ON k.replaced_by = r.import_id) AS oldest_started_at,
  (SELECT up_to_import_id FROM last) AS pruned_up_to,
  (SELECT strftime(pruned_at, '%Y-%m-%d %H:%M') FROM last) AS pruned_at,
  (SELECT pruned_by FROM last) AS pruned_by;
