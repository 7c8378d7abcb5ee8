-- Evidence for agenda topics: appeals per period ($grain: 'week' | 'month') in the window
-- [$from, $to] (inclusive dates, by received_at), every period listed (0 when none);
-- $topics is a JSON list of topic ids.
-- Appeals that praise or thank are left out (appeal_signals.is_praise), as in the topic scores.
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id),
periods AS (
  SELECT unnest(generate_series(date_trunc($grain, CAST($from AS DATE)), CAST($to AS DATE),
    CASE $grain WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 7 DAY END)) AS period
),
counts AS (
  SELECT tp.topic_id, date_trunc($grain, a.received_at) AS period, count(*) AS appeals
  FROM appeal_topics tp
  JOIN wanted USING (topic_id)
  JOIN appeals a ON a.platform = tp.platform AND a.appeal_id = tp.appeal_id
  ANTI JOIN appeal_signals ps ON ps.platform = a.platform AND ps.appeal_id = a.appeal_id AND ps.is_praise
  WHERE a.received_at >= CAST($from AS DATE) AND a.received_at < CAST($to AS DATE) + 1
  GROUP BY ALL
)
SELECT w.topic_id, strftime(p.period, '%Y-%m-%d') AS period, coalesce(c.appeals, 0)::INTEGER AS appeals
FROM wanted w CROSS JOIN periods p
LEFT JOIN counts c ON c.topic_id = w.topic_id AND CAST(c.period AS DATE) = CAST(p.period AS DATE)
ORDER BY w.topic_id, p.period;
