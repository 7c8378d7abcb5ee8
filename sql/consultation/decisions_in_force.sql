-- Decisions in force with their meeting and topic, for follow-up; $1 = a meeting id or NULL for all.
SELECT d.decision_id, d.item_id, d.topic_id, t.label AS topic_label, i.title AS item_title, d.lead_unit, d.assisting_units,
  d.norm_text, d.deadline_days, d.scope_districts, strftime(d.effective_from, '%Y-%m-%d') AS effective_from,
  d.status, d.superseded_by, d.recorded_by, d.recorded_at,
  m.meeting_id, m.title AS meeting_title, strftime(m.meeting_date, '%Y-%m-%d') AS meeting_date
FROM decisions d
JOIN agenda_items i ON i.item_id = d.item_id
JOIN meetings m ON m.meeting_id = i.meeting_id
LEFT JOIN topics t ON t.topic_id = d.topic_id
WHERE d.status = 'in_force' AND ($1 IS NULL OR m.meeting_id = $1)
ORDER BY m.meeting_date, i.position, d.decision_id;
