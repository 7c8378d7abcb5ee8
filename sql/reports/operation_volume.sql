-- Appeals received per platform in the report period [$cur_from, $cur_to), the previous period
-- [$prev_from, $prev_to) (环比) and the same period a year earlier [$yoy_from, $yoy_to) (同比),
-- by received_at; also split by channel and by appeal type ($split: 'platform' | 'channel' | 'type').
WITH a AS (
  SELECT CASE $split WHEN 'channel' THEN coalesce(channel, 'other') WHEN 'type' THEN coalesce(nz(appeal_type), '未分类') ELSE platform END AS key,
    received_at
  FROM appeals
  WHERE received_at >= least(CAST($yoy_from AS TIMESTAMPTZ), CAST($prev_from AS TIMESTAMPTZ))
    AND received_at < CAST($cur_to AS TIMESTAMPTZ)
)
SELECT key,
  count(*) FILTER (WHERE received_at >= CAST($cur_from AS TIMESTAMPTZ))::INTEGER AS cur,
  count(*) FILTER (WHERE received_at >= CAST($prev_from AS TIMESTAMPTZ) AND received_at < CAST($prev_to AS TIMESTAMPTZ))::INTEGER AS prev,
  count(*) FILTER (WHERE received_at >= CAST($yoy_from AS TIMESTAMPTZ) AND received_at < CAST($yoy_to AS TIMESTAMPTZ))::INTEGER AS yoy
FROM a
GROUP BY key
HAVING count(*) FILTER (WHERE received_at >= CAST($cur_from AS TIMESTAMPTZ)) > 0
  OR count(*) FILTER (WHERE received_at >= CAST($prev_from AS TIMESTAMPTZ) AND received_at < CAST($prev_to AS TIMESTAMPTZ)) > 0
ORDER BY cur DESC, key;
