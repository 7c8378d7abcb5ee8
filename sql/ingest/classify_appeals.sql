-- Each loadable row's outcome: unchanged when this version of the record was loaded before (it is
-- the record's current row_hash or one of its earlier versions, or an earlier row of this file),
-- inserted when it is the first row of a record the database lacks, updated otherwise. Only a
-- record's last row in the file is written, and only when that version is new — so re-importing an
-- older export never rolls a record back.
-- Aggregates rather than window functions (most records appear once; hash aggregation is parallel),
-- and only keys and flags are kept: the rows themselves stay in `typed`.
CREATE OR REPLACE TEMP TABLE classified AS
WITH ok AS (
  SELECT __row, platform, appeal_id, row_hash FROM typed WHERE reject_reason IS NULL
), per_key AS (
  SELECT platform, appeal_id, min(__row) AS first_row, max(__row) AS last_row FROM ok GROUP BY ALL
), per_version AS (
  SELECT platform, appeal_id, row_hash, min(__row) AS first_row_of_version FROM ok GROUP BY ALL
), marked AS (
  SELECT t.__row,
    v.appeal_id IS NOT NULL OR a.row_hash IS NOT DISTINCT FROM t.row_hash AS seen_before,
    t.__row > pv.first_row_of_version AS repeated_in_file,
    t.__row = k.first_row AS first_in_file,
    t.__row = k.last_row AS is_last,
    a.appeal_id IS NOT NULL AS in_db
  FROM ok t
  JOIN per_key k USING (platform, appeal_id)
  JOIN per_version pv USING (platform, appeal_id, row_hash)
  LEFT JOIN (SELECT DISTINCT platform, appeal_id, row_hash FROM appeal_versions) v USING (platform, appeal_id, row_hash)
  LEFT JOIN (SELECT platform, appeal_id, row_hash FROM appeals) a USING (platform, appeal_id)
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
