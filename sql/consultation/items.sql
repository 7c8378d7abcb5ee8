-- Agenda items of a meeting in order, with the topic's current label.
SELECT i.item_id, i.meeting_id, i.position, i.topic_id, i.title, i.notes, i.origin, CAST(i.evidence AS VARCHAR) AS evidence,
  t.label AS topic_label
FROM agenda_items i
LEFT JOIN topics t ON t.topic_id = i.topic_id
WHERE i.meeting_id = $1
ORDER BY i.position, i.item_id;
