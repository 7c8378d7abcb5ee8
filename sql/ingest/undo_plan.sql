-- Whether import $import_id can be undone, and what undoing it would do: the run, the rows it wrote
-- (removed, unless they replaced a row, which comes back), the first later import in force that
-- replaced a row this one wrote (it must be undone first; later imports of other records do not
-- stand in the way), and the later imports in force of the same kind that counted rows unchanged
-- (they may have held records this one added, which leave with it all the same), and the clearing of
-- kept earlier versions that took its undo away, if one did (replaced_prune.sql).
SELECT r.import_id, r.kind, r.source_file, r.status, r.keeps_replaced, r.updated,
  strftime(u.undone_at, '%Y-%m-%d %H:%M') AS undone_at, u.undone_by,
  (SELECT count(*) FROM appeals WHERE import_id = r.import_id)::INTEGER
    + (SELECT count(*) FROM transfers WHERE import_id = r.import_id)::INTEGER AS written,
  (SELECT count(*) FROM appeals_replaced WHERE replaced_by = r.import_id)::INTEGER
    + (SELECT count(*) FROM transfers_replaced WHERE replaced_by = r.import_id)::INTEGER AS restored,
  p.pruned_up_to, strftime(p.pruned_at, '%Y-%m-%d %H:%M') AS pruned_at, p.pruned_by,
  later.import_id AS later_id, later.source_file AS later_file,
  (SELECT coalesce(list({'importId': l.import_id, 'sourceFile': l.source_file} ORDER BY l.import_id), [])
   FROM import_runs l
   WHERE l.import_id > r.import_id AND l.status = 'done' AND l.kind = r.kind AND l.unchanged > 0
     AND l.import_id IS DISTINCT FROM later.import_id) AS later_unchanged
FROM import_runs r
LEFT JOIN import_undos u USING (import_id)
LEFT JOIN LATERAL (
  SELECT up_to_import_id AS pruned_up_to, pruned_at, pruned_by FROM replaced_prunes
  WHERE up_to_import_id >= r.import_id ORDER BY pruned_at LIMIT 1
) p ON true
LEFT JOIN LATERAL (
  SELECT l.import_id, l.source_file FROM import_runs l
  WHERE l.status = 'done' AND l.import_id IN (
    SELECT replaced_by FROM appeals_replaced WHERE import_id = r.import_id
    UNION ALL
    SELECT replaced_by FROM transfers_replaced WHERE import_id = r.import_id
  )
  ORDER BY l.import_id LIMIT 1
) later ON true
WHERE r.import_id = $import_id;
