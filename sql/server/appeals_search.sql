-- One page of appeals matching the filters, newest first (or oldest with $oldest). Every filter is
-- a bound parameter and NULL means "no filter". Text uses contains() rather than LIKE, so % and _
-- typed by a user are ordinary characters; matching ignores case. $unit keeps appeals the unit
-- handled, received or passed on; $scope_unit does the same for a unit head's own unit (their
-- access limit). $full gives the whole text instead of a snippet, and the reply (exports). The matches are counted
-- by appeals_count with the same filters.
WITH hits AS (
  SELECT a.platform, a.appeal_id, a.received_at, a.district, a.channel, a.title,
    CASE WHEN $full::BOOLEAN THEN a.content ELSE left(a.content, 140) END AS snippet,
    a.handling_unit, a.status, CASE WHEN $full::BOOLEAN THEN a.reply END AS reply
  FROM appeals a
  WHERE ($platform::VARCHAR IS NULL OR a.platform = $platform::VARCHAR)
    AND ($district::VARCHAR IS NULL OR a.district = $district::VARCHAR)
    AND ($from::DATE IS NULL OR a.received_at >= $from::DATE::TIMESTAMPTZ)
    AND ($to::DATE IS NULL OR a.received_at < ($to::DATE + 1)::TIMESTAMPTZ)
    AND ($q::VARCHAR IS NULL OR text_has(a.content, a.title, $q::VARCHAR))
    AND ($topic::INTEGER IS NULL OR (a.platform, a.appeal_id) IN (SELECT platform, appeal_id FROM appeal_topics WHERE topic_id = $topic::INTEGER))
    AND ($unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $unit::VARCHAR))
    AND ($scope_unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $scope_unit::VARCHAR))
),
-- two plain top-N branches, one of them empty: ordering by an expression would sort every match
page AS (
  (SELECT * FROM hits WHERE NOT $oldest::BOOLEAN ORDER BY received_at DESC, platform, appeal_id LIMIT $limit OFFSET $offset)
  UNION ALL
  (SELECT * FROM hits WHERE $oldest::BOOLEAN ORDER BY received_at, platform, appeal_id LIMIT $limit OFFSET $offset)
),
-- an appeal the export names no handling unit for (not yet signed for, or returned): the unit the
-- transfer log last sent it to, and what came of that, so the list says who has it now
sent AS (
  SELECT t.platform, t.appeal_id, arg_max(t.to_party, t.seq) AS sent_to, arg_max(t.outcome, t.seq) AS sent_outcome
  FROM transfers t SEMI JOIN (SELECT platform, appeal_id FROM page WHERE handling_unit IS NULL) USING (platform, appeal_id)
  WHERE is_handling_unit(t.to_party)
  GROUP BY ALL
)
SELECT p.platform, p.appeal_id, strftime(p.received_at, '%Y-%m-%d %H:%M') AS received_at, p.district, p.channel, p.title,
  p.snippet, p.handling_unit, p.status, p.reply, asg.topic_id, tp.label AS topic_label, s.sent_to, s.sent_outcome
FROM page p
LEFT JOIN sent s USING (platform, appeal_id)
LEFT JOIN appeal_topics asg USING (platform, appeal_id)
LEFT JOIN topics tp ON tp.topic_id = asg.topic_id
ORDER BY CASE WHEN $oldest::BOOLEAN THEN epoch_ms(p.received_at) ELSE -epoch_ms(p.received_at) END, p.platform, p.appeal_id;
