-- What one unit ($unit) was sent in [$from, $to) — hand-overs counted by their sent_at:
--   received      hand-overs to the unit; appeals = distinct appeals among them
--   accepted / returned / pending / negotiated   by the hand-over's outcome
--   functional / territorial / unclear            returned hand-overs by return class (transfer_facts)
--   return_rate   returned / received
--   hours_p50 / hours_p90   hours from sending to the unit's acceptance, over accepted hand-overs
--   owned         appeals received in the window whose final owner is the unit (appeal_signals),
--                 with resolved and dissatisfied counts among those with a known value
WITH t AS (
  SELECT * FROM transfer_facts
  WHERE to_party = $unit AND sent_at >= CAST($from AS TIMESTAMPTZ) AND sent_at < CAST($to AS TIMESTAMPTZ)
),
o AS (
  SELECT * FROM appeal_signals
  WHERE owner_unit = $unit AND received_at >= CAST($from AS TIMESTAMPTZ) AND received_at < CAST($to AS TIMESTAMPTZ)
)
SELECT
  (SELECT count(*) FROM t)::INTEGER AS received,
  (SELECT count(DISTINCT (platform, appeal_id)) FROM t)::INTEGER AS appeals,
  (SELECT count(*) FILTER (WHERE outcome = 'accepted') FROM t)::INTEGER AS accepted,
  (SELECT count(*) FILTER (WHERE outcome = 'returned') FROM t)::INTEGER AS returned,
  (SELECT count(*) FILTER (WHERE outcome = 'pending') FROM t)::INTEGER AS pending,
  (SELECT count(*) FILTER (WHERE outcome = 'negotiated') FROM t)::INTEGER AS negotiated,
  (SELECT count(*) FILTER (WHERE return_class = 'functional') FROM t)::INTEGER AS functional,
  (SELECT count(*) FILTER (WHERE return_class = 'territorial') FROM t)::INTEGER AS territorial,
  (SELECT count(*) FILTER (WHERE return_class = 'unclear') FROM t)::INTEGER AS unclear,
  (SELECT quantile_cont(accept_minutes, 0.5) / 60 FROM t WHERE outcome = 'accepted') AS hours_p50,
  (SELECT quantile_cont(accept_minutes, 0.9) / 60 FROM t WHERE outcome = 'accepted') AS hours_p90,
  (SELECT count(*) FROM o)::INTEGER AS owned,
  (SELECT count(resolved) FROM o)::INTEGER AS owned_rated_resolved,
  (SELECT count(*) FILTER (WHERE resolved) FROM o)::INTEGER AS owned_resolved,
  (SELECT count(satisfaction) FROM o)::INTEGER AS owned_rated,
  (SELECT count(*) FILTER (WHERE satisfaction = 'dissatisfied') FROM o)::INTEGER AS owned_dissatisfied;
