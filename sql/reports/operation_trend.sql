-- Appeals received per month (or quarter, $period) from $from to $to (exclusive), by received_at,
-- split by platform: the trend chart of the operation report.
SELECT strftime(date_trunc($period, received_at), '%Y-%m-%d') AS period, platform, count(*)::INTEGER AS appeals
FROM appeals
WHERE received_at >= CAST($from AS TIMESTAMPTZ) AND received_at < CAST($to AS TIMESTAMPTZ)
GROUP BY ALL
ORDER BY period, platform;
