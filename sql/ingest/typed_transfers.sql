-- Mapped source rows → typed transfer rows with the first reason each cannot be loaded and, for
-- such a row, the source row as JSON to keep in rejects.
-- Without a sequence column, a record's transfers are numbered by time (then file order).
CREATE OR REPLACE TEMP TABLE typed AS
WITH p AS (
  SELECT
    __row,
    __src,
    nz(platform)                                                       AS platform,
    nz(appeal_id)                                                      AS appeal_id,
    nz(seq)                                                            AS seq_raw,
    TRY_CAST(nz(seq) AS INTEGER)                                       AS seq_given,
    norm_party(nz(from_party))                                         AS from_party,
    norm_party(nz(to_party))                                           AS to_party,
    nz(method)                                                         AS method_raw,
    norm_method(method)                                                AS method,
    nz(sent_at)                                                        AS sent_at_raw,
    parse_ts(sent_at, getvariable('ingest_tz'), getvariable('ingest_formats')) AS sent_at,
    nz(accepted_at)                                                    AS accepted_at_raw,
    parse_ts(accepted_at, getvariable('ingest_tz'), getvariable('ingest_formats')) AS accepted_at,
    nz(outcome)                                                        AS outcome_raw,
    mask_pii(nz(reason))                                               AS reason_text
  FROM mapped
), n AS (
  SELECT p.*,
    CASE WHEN getvariable('ingest_has_seq') THEN seq_given
         ELSE row_number() OVER (PARTITION BY platform, appeal_id ORDER BY sent_at, __row)::INTEGER END AS seq,
    norm_outcome(outcome_raw, reason_text, accepted_at) AS outcome
  FROM p
), checked AS (
SELECT
  __row, __src, platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome,
  reason_text AS reason,
  md5(concat_ws(chr(31), platform, appeal_id, coalesce(seq::VARCHAR, '∅'), coalesce(from_party, '∅'),
      coalesce(to_party, '∅'), coalesce(method, '∅'), coalesce(ts_text(sent_at), '∅'),
      coalesce(ts_text(accepted_at), '∅'), coalesce(outcome, '∅'), coalesce(reason_text, '∅'))) AS row_hash,
  CASE
    WHEN appeal_id IS NULL THEN reject('empty', 'appeal_id', NULL)
    WHEN platform IS NULL THEN reject('empty', 'platform', NULL)
    WHEN getvariable('ingest_has_seq') AND seq_raw IS NULL THEN reject('empty', 'seq', NULL)
    WHEN getvariable('ingest_has_seq') AND seq_given IS NULL THEN reject('not_whole_number', 'seq', seq_raw)
    WHEN from_party IS NULL THEN reject('empty', 'from_party', NULL)
    WHEN to_party IS NULL THEN reject('empty', 'to_party', NULL)
    WHEN sent_at_raw IS NULL THEN reject('empty', 'sent_at', NULL)
    WHEN sent_at IS NULL THEN reject('not_a_date', 'sent_at', sent_at_raw)
    WHEN sent_at < TIMESTAMPTZ '1990-01-01 00:00:00+08' OR sent_at > now() + INTERVAL 2 DAY
      THEN reject('date_out_of_range', 'sent_at', sent_at_raw)
    WHEN accepted_at_raw IS NOT NULL AND accepted_at IS NULL THEN reject('not_a_date', 'accepted_at', accepted_at_raw)
    WHEN method IS NULL THEN reject('not_transfer_method', 'method', method_raw)
    WHEN outcome IS NULL THEN reject('not_transfer_outcome', 'outcome', outcome_raw)
  END AS reject_reason
FROM n
)
SELECT * EXCLUDE (__src), CASE WHEN reject_reason IS NOT NULL THEN to_json(__src)::VARCHAR END AS raw FROM checked;
