-- One appeal in full (texts are masked at ingest), with its topic and whether $scope_unit may read it.
SELECT a.platform, a.appeal_id, a.channel, strftime(a.received_at, '%Y-%m-%d %H:%M') AS received_at, a.district, a.street, a.address,
  a.source_category, a.appeal_type, a.title, a.content, a.is_police_matter, a.status, a.handling_unit,
  strftime(a.closed_at, '%Y-%m-%d %H:%M') AS closed_at, a.responded, a.resolved, a.satisfaction, a.reply, a.source_file, a.source_row,
  asg.topic_id, tp.label AS topic_label, asg.similarity AS topic_similarity,
  ($scope_unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $scope_unit::VARCHAR)) AS in_scope
FROM appeals a
LEFT JOIN appeal_topics asg USING (platform, appeal_id)
LEFT JOIN topics tp ON tp.topic_id = asg.topic_id
WHERE a.platform = $platform AND a.appeal_id = $appeal_id;
