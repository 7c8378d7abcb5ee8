-- All appeals (any topic or none) in the windows the growth tests compare, optionally one district:
-- the exposure each topic's change is measured against. Windows are [start, end) in local time.
SELECT
  count(*) FILTER (WHERE received_at >= CAST($from AS TIMESTAMPTZ))::INTEGER AS current,
  count(*) FILTER (WHERE received_at < CAST($from AS TIMESTAMPTZ) AND received_at >= CAST($prev_from AS TIMESTAMPTZ))::INTEGER AS previous,
  count(*) FILTER (WHERE received_at >= CAST($recent_from AS TIMESTAMPTZ))::INTEGER AS recent,
  count(*) FILTER (WHERE received_at < CAST($recent_from AS TIMESTAMPTZ) AND received_at >= CAST($base_from AS TIMESTAMPTZ))::INTEGER AS baseline
FROM appeal_signals
WHERE received_at >= least(CAST($prev_from AS TIMESTAMPTZ), CAST($base_from AS TIMESTAMPTZ))
  AND received_at < CAST($to AS TIMESTAMPTZ)
  AND ($district IS NULL OR district = $district);
