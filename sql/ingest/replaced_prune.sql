-- Clears the earlier versions kept to undo imports up to $up_to (replaced_prune_plan.sql counted
-- them), and records it: undo_plan.sql refuses those imports from now on.
INSERT INTO replaced_prunes (pruned_at, pruned_by, up_to_import_id, appeals, transfers)
SELECT now(), $by, $up_to,
  (SELECT count(*) FROM appeals_replaced WHERE replaced_by <= $up_to)::INTEGER,
  (SELECT count(*) FROM transfers_replaced WHERE replaced_by <= $up_to)::INTEGER;
DELETE FROM appeals_replaced WHERE replaced_by <= $up_to;
DELETE FROM transfers_replaced WHERE replaced_by <= $up_to;
