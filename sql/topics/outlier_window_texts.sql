-- Outlier texts of the last $days days of outlier data and of the $days days before, for rising
-- terms: recent = received in the last window (its end is the newest outlier, not today, so old
-- data sets work too).
WITH o AS (
  SELECT a.received_at, coalesce(a.title, '') || '。' || a.content AS text
  FROM topic_outliers o JOIN appeals a USING (platform, appeal_id)
),
bounds AS (SELECT max(received_at) AS last FROM o)
SELECT o.text, o.received_at > bounds.last - to_days($days) AS recent
FROM o, bounds
WHERE o.received_at > bounds.last - to_days(2 * $days)
ORDER BY o.received_at, o.text;
