-- Mapped source rows → typed, masked appeal rows, each with the first reason it cannot be loaded
-- (NULL when it can; packed by `reject`) and, for such a row, the source row as JSON to keep in rejects. Reads the
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
    norm_satisfaction(satisfaction)                                         AS satisfaction,
    mask_pii(ne(reply))                                                     AS reply
  FROM mapped
), checked AS (
SELECT
  p.* EXCLUDE (received_at_raw, closed_at_raw, lon_raw, lat_raw, is_police_raw, responded_raw, resolved_raw),
  md5(concat_ws(chr(31), platform, appeal_id, coalesce(ts_text(received_at), '∅'), coalesce(channel, '∅'),
      coalesce(district, '∅'), coalesce(street, '∅'), coalesce(address, '∅'), coalesce(lon::VARCHAR, '∅'),
      coalesce(lat::VARCHAR, '∅'), coalesce(source_category, '∅'), coalesce(appeal_type, '∅'), coalesce(title, '∅'),
      coalesce(content, '∅'), coalesce(caller_key, '∅'), coalesce(is_police_matter::VARCHAR, '∅'), coalesce(status, '∅'),
      coalesce(handling_unit, '∅'), coalesce(ts_text(closed_at), '∅'), coalesce(responded::VARCHAR, '∅'),
      coalesce(resolved::VARCHAR, '∅'), coalesce(satisfaction, '∅'),
      -- last and left out when empty (concat_ws skips NULL): rows without a reply keep the hash they had before replies were read
      reply)) AS row_hash,
  CASE
    WHEN appeal_id IS NULL THEN reject('empty', 'appeal_id', NULL)
    WHEN platform IS NULL THEN reject('empty', 'platform', NULL)
    WHEN received_at_raw IS NULL THEN reject('empty', 'received_at', NULL)
    WHEN received_at IS NULL THEN reject('not_a_date', 'received_at', received_at_raw)
    WHEN received_at < TIMESTAMPTZ '1990-01-01 00:00:00+08' OR received_at > now() + INTERVAL 2 DAY
      THEN reject('date_out_of_range', 'received_at', received_at_raw)
    WHEN is_blank(content) THEN reject('empty', 'content', NULL)
    WHEN closed_at_raw IS NOT NULL AND closed_at IS NULL THEN reject('not_a_date', 'closed_at', closed_at_raw)
    WHEN closed_at < received_at THEN reject_before('closed_at', closed_at_raw, 'received_at', received_at_raw)
    WHEN lon_raw IS NOT NULL AND (lon IS NULL OR lon NOT BETWEEN -180 AND 180) THEN reject('not_a_longitude', 'lon', lon_raw)
    WHEN lat_raw IS NOT NULL AND (lat IS NULL OR lat NOT BETWEEN -90 AND 90) THEN reject('not_a_latitude', 'lat', lat_raw)
    WHEN is_police_raw IS NOT NULL AND is_police_matter IS NULL THEN reject('not_police_kind', 'is_police_matter', is_police_raw)
    WHEN responded_raw IS NOT NULL AND responded IS NULL THEN reject('not_yes_no', 'responded', responded_raw)
    WHEN resolved_raw IS NOT NULL AND resolved IS NULL THEN reject('not_yes_no', 'resolved', resolved_raw)
  END AS reject_reason
FROM p
)
SELECT * EXCLUDE (__src), CASE WHEN reject_reason IS NOT NULL THEN to_json(__src)::VARCHAR END AS raw FROM checked;
