-- What clearing the earlier versions kept for imports started before $before would do: the last such
-- import (it and every import before it lose their undo), how many imports in force lose it now (not
-- counting those a previous clearing took), and the rows that would go.
WITH cut AS (
  SELECT max(import_id) AS up_to FROM import_runs WHERE started_at < $before::TIMESTAMPTZ
), earlier AS (
  SELECT coalesce(max(up_to_import_id), 0) AS up_to FROM replaced_prunes
)
SELECT cut.up_to AS up_to_import_id,
  (SELECT count(*) FROM import_runs r
   WHERE r.import_id <= cut.up_to AND r.import_id > earlier.up_to AND r.status = 'done')::INTEGER AS imports,
  (SELECT count(*) FROM appeals_replaced WHERE replaced_by <= cut.up_to)::INTEGER AS appeals,
  (SELECT count(*) FROM transfers_replaced WHERE replaced_by <= cut.up_to)::INTEGER AS transfers
FROM cut, earlier;
