-- Mapped source rows → typed, masked appeal rows, each with the first reason it cannot be loaded
-- (NULL when it can) and, for such a row, the source row as JSON to keep in rejects. Reads the
-- `mapped` view and the ingest_* session variables. Keeps the rows in the order read (no joins, no
-- sorts): number_typed_rows relies on it.
CREATE OR REPLACE TEMP TABLE typed AS
WITH p AS (
  SELECT
    __row,
    __src,
    nz(platform)                                                            AS platform,
    nz(appeal_id)                                                           AS appeal_id,
    ne(received_at)                                                         AS received_at_raw,
    parse_ts(received_at, getvariable('ingest_tz'), getvariable('ingest_formats')) AS received_at,
    norm_channel(channel)                                                   AS channel,
    nz(district)                                                            AS district,
    nz(street)                                                              AS street,
    mask_pii(ne(address))                                                   AS address,
    ne(lon)                                                                 AS lon_raw,
    TRY_CAST(ne(lon) AS DOUBLE)                                             AS lon,
    ne(lat)                                                                 AS lat_raw,
    TRY_CAST(ne(lat) AS DOUBLE)                                             AS lat,
    ne(source_category)                                                     AS source_category,
    ne(appeal_type)                                                         AS appeal_type,
    mask_pii(ne(title))                                                     AS title,
    mask_pii(coalesce(ne(content), ne(title)))                              AS content,
    caller_key(caller_phone, getvariable('ingest_salt'))                    AS caller_key,
    ne(is_police_matter)                                                    AS is_police_raw,
    parse_bool(is_police_matter)                                            AS is_police_matter,
    ne(status)                                                              AS status,
    nz(handling_unit)                                                       AS handling_unit,
    ne(closed_at)                                                           AS closed_at_raw,
    parse_ts(closed_at, getvariable('ingest_tz'), getvariable('ingest_formats')) AS closed_at,
    ne(responded)                                                           AS responded_raw,
    parse_bool(responded)                                                   AS responded,
    ne(resolved)                                                            AS resolved_raw,
    parse_bool(resolved)                                                    AS resolved,
    norm_satisfaction(satisfaction)                                         AS satisfaction
  FROM mapped
), checked AS (
SELECT
  p.* EXCLUDE (received_at_raw, closed_at_raw, lon_raw, lat_raw, is_police_raw, responded_raw, resolved_raw),
  md5(concat_ws(chr(31), platform, appeal_id, coalesce(ts_text(received_at), '∅'), coalesce(channel, '∅'),
      coalesce(district, '∅'), coalesce(street, '∅'), coalesce(address, '∅'), coalesce(lon::VARCHAR, '∅'),
      coalesce(lat::VARCHAR, '∅'), coalesce(source_category, '∅'), coalesce(appeal_type, '∅'), coalesce(title, '∅'),
      coalesce(content, '∅'), coalesce(caller_key, '∅'), coalesce(is_police_matter::VARCHAR, '∅'), coalesce(status, '∅'),
      coalesce(handling_unit, '∅'), coalesce(ts_text(closed_at), '∅'), coalesce(responded::VARCHAR, '∅'),
      coalesce(resolved::VARCHAR, '∅'), coalesce(satisfaction, '∅'))) AS row_hash,
  CASE
    WHEN appeal_id IS NULL THEN lbl('appeal_id') || ' is empty'
    WHEN platform IS NULL THEN lbl('platform') || ' is empty'
    WHEN received_at_raw IS NULL THEN lbl('received_at') || ' is empty'
    WHEN received_at IS NULL THEN lbl('received_at') || ' ' || quoted(received_at_raw) || ' is not a date'
    WHEN received_at < TIMESTAMPTZ '1990-01-01 00:00:00+08' OR received_at > now() + INTERVAL 2 DAY
      THEN lbl('received_at') || ' ' || quoted(received_at_raw) || ' is not between 1990 and today'
    WHEN is_blank(content) THEN lbl('content') || ' is empty'
    WHEN closed_at_raw IS NOT NULL AND closed_at IS NULL THEN lbl('closed_at') || ' ' || quoted(closed_at_raw) || ' is not a date'
    WHEN closed_at < received_at
      THEN lbl('closed_at') || ' ' || quoted(closed_at_raw) || ' is before ' || lbl('received_at') || ' ' || quoted(received_at_raw)
    WHEN lon_raw IS NOT NULL AND (lon IS NULL OR lon NOT BETWEEN -180 AND 180) THEN lbl('lon') || ' ' || quoted(lon_raw) || ' is not a longitude'
    WHEN lat_raw IS NOT NULL AND (lat IS NULL OR lat NOT BETWEEN -90 AND 90) THEN lbl('lat') || ' ' || quoted(lat_raw) || ' is not a latitude'
    WHEN is_police_raw IS NOT NULL AND is_police_matter IS NULL
      THEN lbl('is_police_matter') || ' ' || quoted(is_police_raw) || ' is not one of 警务类/非警务类/是/否'
    WHEN responded_raw IS NOT NULL AND responded IS NULL THEN lbl('responded') || ' ' || quoted(responded_raw) || ' is not 是 or 否'
    WHEN resolved_raw IS NOT NULL AND resolved IS NULL THEN lbl('resolved') || ' ' || quoted(resolved_raw) || ' is not 是 or 否'
  END AS reject_reason
FROM p
)
SELECT * EXCLUDE (__src), CASE WHEN reject_reason IS NOT NULL THEN to_json(__src)::VARCHAR END AS raw FROM checked;
