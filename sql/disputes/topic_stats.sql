-- Per topic, over the window [$from, $to) (optionally one $district): volume and the counts behind every
-- part of the dispute score; plus the topic's counts in the previous window [$prev_from, $from) and in
-- the emerging test's windows (recent [$recent_from, $to), baseline [$base_from, $recent_from)), and
-- peak_before: its most appeals in any stretch of $recent_days days in the year before the baseline
-- (stretches counted back from $base_from), so a problem that was as frequent before — a seasonal
-- one coming back — is not taken for a new one.
-- owners: final handling unit kind → appeals (the caller computes the entropy from it).
-- Shares are left to the caller so each part shows its numerator and denominator.
-- Topics marked noise, merged or retired are left out, and so are appeals that praise or thank
-- (is_praise): they ask nobody to act. settled: a decision in force covers the topic
-- (in every district, or in $district).
-- One scan with filtered aggregates: every count below is over the window unless its filter says otherwise.
WITH per AS (
  SELECT topic_id,
    count(*) FILTER (WHERE received_at < CAST($from AS TIMESTAMPTZ) AND received_at >= CAST($prev_from AS TIMESTAMPTZ))::INTEGER AS previous,
    count(*) FILTER (WHERE received_at >= CAST($recent_from AS TIMESTAMPTZ))::INTEGER AS recent,
    count(*) FILTER (WHERE received_at < CAST($recent_from AS TIMESTAMPTZ) AND received_at >= CAST($base_from AS TIMESTAMPTZ))::INTEGER AS baseline,
    count(*) FILTER (WHERE in_window)::INTEGER AS volume,
    count(*) FILTER (WHERE in_window AND signal_count > 0)::INTEGER AS with_signal,
    count(*) FILTER (WHERE in_window AND returns > 0)::INTEGER AS returned,
    count(*) FILTER (WHERE in_window AND sig_functional_return)::INTEGER AS functional_return,
    count(*) FILTER (WHERE in_window AND territorial_returns > 0)::INTEGER AS territorial_return,
    count(*) FILTER (WHERE in_window AND sig_redispatch_kind)::INTEGER AS redispatch_kind,
    count(*) FILTER (WHERE in_window AND sig_ping_pong)::INTEGER AS ping_pong,
    count(*) FILTER (WHERE in_window AND sig_three_party)::INTEGER AS three_party,
    count(*) FILTER (WHERE in_window AND sig_no_owner)::INTEGER AS no_owner,
    count(*) FILTER (WHERE in_window AND sig_slow_accept)::INTEGER AS slow_accept,
    count(*) FILTER (WHERE in_window AND sig_many_kinds)::INTEGER AS many_kinds,
    count(*) FILTER (WHERE in_window AND sig_text_cue)::INTEGER AS text_cue,
    count(*) FILTER (WHERE in_window AND (sig_repeat_caller OR sig_repeat_address))::INTEGER AS repeat,
    count(*) FILTER (WHERE in_window AND unit_dispatches > 0)::INTEGER AS dispatched,
    count(satisfaction) FILTER (WHERE in_window)::INTEGER AS rated,
    count(*) FILTER (WHERE in_window AND satisfaction = 'dissatisfied')::INTEGER AS dissatisfied,
    -- one call for both percentiles: it sorts once
    quantile_cont(hours_to_owner, [0.5, 0.9]) FILTER (WHERE in_window) AS hours_to_owner_q,
    histogram(owner_kind) FILTER (WHERE in_window AND owner_kind IS NOT NULL) AS owners
  FROM (
    SELECT *, received_at >= CAST($from AS TIMESTAMPTZ) AS in_window
    FROM appeal_signals
    WHERE topic_id IS NOT NULL AND NOT is_praise
      AND received_at >= least(CAST($prev_from AS TIMESTAMPTZ), CAST($base_from AS TIMESTAMPTZ))
      AND received_at < CAST($to AS TIMESTAMPTZ)
      AND ($district IS NULL OR district = $district)
  )
  GROUP BY topic_id
),
peaks AS (
  SELECT topic_id, max(n)::INTEGER AS peak_before
  FROM (
    SELECT topic_id, (CAST($base_from AS DATE) - received_day - 1) // CAST($recent_days AS INTEGER) AS stretch, count(*) AS n
    FROM appeal_signals
    WHERE topic_id IS NOT NULL AND NOT is_praise
      AND received_day < CAST($base_from AS DATE) AND received_day >= CAST($base_from AS DATE) - INTERVAL 364 DAY
      AND ($district IS NULL OR district = $district)
    GROUP BY ALL
  )
  GROUP BY topic_id
)
SELECT t.topic_id, t.label, t.status,
  p.volume, p.previous, p.recent, p.baseline, coalesce(pk.peak_before, 0) AS peak_before,
  p.with_signal, p.returned, p.functional_return, p.territorial_return, p.redispatch_kind, p.ping_pong, p.three_party,
  p.no_owner, p.slow_accept, p.many_kinds, p.text_cue, p.repeat, p.dispatched, p.rated, p.dissatisfied,
  p.hours_to_owner_q[1] AS hours_to_owner_p50, p.hours_to_owner_q[2] AS hours_to_owner_p90,
  coalesce(p.owners, MAP {})::MAP(VARCHAR, INTEGER) AS owners,
  EXISTS (
    SELECT 1 FROM decisions d
    WHERE d.topic_id = t.topic_id AND d.status = 'in_force'
      AND (len(d.scope_districts) = 0 OR ($district IS NOT NULL AND list_contains(d.scope_districts, $district)))
  ) AS settled
FROM per p
JOIN topics t USING (topic_id)
LEFT JOIN peaks pk USING (topic_id)
WHERE t.status NOT IN ('noise', 'merged', 'retired')
ORDER BY t.topic_id;
