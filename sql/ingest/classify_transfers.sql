-- As classify_appeals, for transfers (the key adds seq).
CREATE OR REPLACE TEMP TABLE classified AS
WITH ok AS (
  SELECT __row, platform, appeal_id, seq, row_hash FROM typed WHERE reject_reason IS NULL
), per_key AS (
  SELECT platform, appeal_id, seq, min(__row) AS first_row, max(__row) AS last_row FROM ok GROUP BY ALL
), per_version AS (
  SELECT platform, appeal_id, seq, row_hash, min(__row) AS first_row_of_version FROM ok GROUP BY ALL
), marked AS (
  SELECT t.__row,
    v.appeal_id IS NOT NULL OR x.row_hash IS NOT DISTINCT FROM t.row_hash AS seen_before,
    t.__row > pv.first_row_of_version AS repeated_in_file,
    t.__row = k.first_row AS first_in_file,
    t.__row = k.last_row AS is_last,
    x.appeal_id IS NOT NULL AS in_db
  FROM ok t
  JOIN per_key k USING (platform, appeal_id, seq)
  JOIN per_version pv USING (platform, appeal_id, seq, row_hash)
  LEFT JOIN (SELECT DISTINCT platform, appeal_id, seq, row_hash FROM transfer_versions) v USING (platform, appeal_id, seq, row_hash)
  LEFT JOIN (SELECT platform, appeal_id, seq, row_hash FROM transfers) x USING (platform, appeal_id, seq)
)
SELECT __row,
  CASE
    WHEN seen_before OR repeated_in_file THEN 'unchanged'
    WHEN first_in_file AND NOT in_db THEN 'inserted'
    ELSE 'updated'
  END AS outcome_of_row,
  is_last AND NOT seen_before AS to_write,
  NOT seen_before AND NOT repeated_in_file AS new_version
FROM marked;
