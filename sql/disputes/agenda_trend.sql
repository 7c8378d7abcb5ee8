-- Weekly appeal counts per agenda topic (weeks start on Monday; weeks without appeals count 0).
-- $from, $to: the window [from, to).
WITH weeks AS (
  SELECT unnest(generate_series(date_trunc('week', CAST($from AS TIMESTAMPTZ)), CAST($to AS TIMESTAMPTZ) - INTERVAL 1 SECOND, INTERVAL 7 DAY)) AS week
),
topics AS (SELECT DISTINCT topic_id FROM agenda_appeals),
counts AS (
  SELECT topic_id, date_trunc('week', received_at) AS week, count(*) AS n FROM agenda_appeals GROUP BY ALL
)
SELECT t.topic_id, strftime(w.week, '%Y-%m-%d') AS week, coalesce(c.n, 0)::INTEGER AS appeals
FROM topics t CROSS JOIN weeks w
LEFT JOIN counts c ON c.topic_id = t.topic_id AND c.week = w.week
ORDER BY t.topic_id, w.week;
