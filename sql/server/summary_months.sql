-- Appeals per platform and local calendar month of receipt. Counted per quarter-hour of epoch
-- time first (every time zone's offset is a multiple of 15 minutes), so the slow time-zone
-- conversion runs once per bucket rather than once per appeal.
SELECT platform, strftime(date_trunc('month', to_timestamp(bucket * 900)), '%Y-%m') AS month, sum(n)::INTEGER AS appeals
FROM (
  SELECT platform, epoch_ms(received_at) // 900000 AS bucket, count(*) AS n
  FROM appeals
  GROUP BY ALL
)
GROUP BY ALL
ORDER BY month, platform;
