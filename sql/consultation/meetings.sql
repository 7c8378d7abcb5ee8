-- Every meeting, newest first, with how many agenda items and decisions in force it has.
SELECT m.meeting_id, m.title, strftime(m.meeting_date, '%Y-%m-%d') AS meeting_date, m.kind, m.status,
  (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.meeting_id)::INTEGER AS items,
  (SELECT count(*) FROM decisions d JOIN agenda_items i USING (item_id)
    WHERE i.meeting_id = m.meeting_id AND d.status = 'in_force')::INTEGER AS decisions
FROM meetings m
ORDER BY m.meeting_date DESC, m.meeting_id DESC;
