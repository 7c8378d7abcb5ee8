-- How many appeals match the filters of appeals_search (same parameters). With $scope_unit NULL it
-- counts every match: what a unit head learns of appeals outside their unit (a count, never rows).
SELECT count(*)::INTEGER AS n
FROM appeals a
WHERE ($platform::VARCHAR IS NULL OR a.platform = $platform::VARCHAR)
  AND ($district::VARCHAR IS NULL OR a.district = $district::VARCHAR)
  AND ($from::DATE IS NULL OR a.received_at >= $from::DATE::TIMESTAMPTZ)
  AND ($to::DATE IS NULL OR a.received_at < ($to::DATE + 1)::TIMESTAMPTZ)
  AND ($q::VARCHAR IS NULL OR text_has(a.content, a.title, $q::VARCHAR))
  AND ($topic::INTEGER IS NULL OR (a.platform, a.appeal_id) IN (SELECT platform, appeal_id FROM appeal_topics WHERE topic_id = $topic::INTEGER))
  AND ($unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $unit::VARCHAR))
  AND ($scope_unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $scope_unit::VARCHAR));
