-- Decisions recorded at a meeting ($1), every status, in agenda order.
SELECT d.decision_id, d.item_id, d.topic_id, d.lead_unit, d.assisting_units, d.norm_text, d.deadline_days,
  d.scope_districts, strftime(d.effective_from, '%Y-%m-%d') AS effective_from, d.status, d.superseded_by,
  d.recorded_by, d.recorded_at
FROM decisions d JOIN agenda_items i ON i.item_id = d.item_id
WHERE i.meeting_id = $1
ORDER BY i.position, d.decision_id;
