-- Appeals per topic in the window [$from, $to] (local dates, inclusive) that match the list's
-- platform and unit filters (NULL: any), within $district when given.
SELECT asg.topic_id, count(*)::INTEGER AS appeals
FROM appeals a
JOIN appeal_topics asg USING (platform, appeal_id)
WHERE a.received_at >= $from::DATE::TIMESTAMPTZ
  AND a.received_at < ($to::DATE + 1)::TIMESTAMPTZ
  AND ($district::VARCHAR IS NULL OR a.district = $district::VARCHAR)
  AND ($platform::VARCHAR IS NULL OR a.platform = $platform::VARCHAR)
  AND ($unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $unit::VARCHAR))
GROUP BY 1;
