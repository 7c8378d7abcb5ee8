-- Consultation decisions that name unit $unit as lead or assisting unit, every status, newest first.
SELECT d.decision_id, d.topic_id, coalesce(t.label, i.title) AS subject, m.title AS meeting_title,
  strftime(m.meeting_date, '%Y-%m-%d') AS meeting_date,
  CASE WHEN d.lead_unit = $unit THEN 'lead' ELSE 'assisting' END AS role,
  d.lead_unit, d.norm_text, d.deadline_days, d.scope_districts, strftime(d.effective_from, '%Y-%m-%d') AS effective_from, d.status
FROM decisions d
JOIN agenda_items i ON i.item_id = d.item_id
JOIN meetings m ON m.meeting_id = i.meeting_id
LEFT JOIN topics t ON t.topic_id = d.topic_id
WHERE d.lead_unit = $unit OR list_contains(d.assisting_units, $unit)
ORDER BY d.effective_from DESC, d.decision_id DESC;
