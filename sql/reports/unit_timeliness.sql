-- How fast hand-overs sent in [$from, $to) were accepted, in buckets of hours from sending to
-- acceptance (accepted hand-overs only), for unit $unit and for all units of its kind.
WITH t AS (
  SELECT f.to_party, f.accept_minutes / 60 AS hours
  FROM transfer_facts f
  LEFT JOIN units u ON u.name = f.to_party
  WHERE f.outcome = 'accepted' AND f.accept_minutes IS NOT NULL
    AND f.sent_at >= CAST($from AS TIMESTAMPTZ) AND f.sent_at < CAST($to AS TIMESTAMPTZ)
    AND (f.to_party = $unit OR u.kind = (SELECT kind FROM units WHERE name = $unit))
),
b AS (
  SELECT to_party = $unit AS own,
    CASE WHEN hours <= 1 THEN 1 WHEN hours <= 4 THEN 2 WHEN hours <= 24 THEN 3 WHEN hours <= 72 THEN 4 ELSE 5 END AS bucket
  FROM t
)
SELECT bucket,
  count(*) FILTER (WHERE own)::INTEGER AS unit_count,
  count(*)::INTEGER AS peer_count
FROM b GROUP BY bucket ORDER BY bucket;
