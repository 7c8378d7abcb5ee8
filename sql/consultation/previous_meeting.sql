-- The latest meeting before meeting $1 (by date, then id) that recorded decisions still in force.
SELECT m.meeting_id, m.title, strftime(m.meeting_date, '%Y-%m-%d') AS meeting_date
FROM meetings m, meetings cur
WHERE cur.meeting_id = $1
  AND (m.meeting_date < cur.meeting_date OR (m.meeting_date = cur.meeting_date AND m.meeting_id < cur.meeting_id))
  AND EXISTS (SELECT 1 FROM decisions d JOIN agenda_items i USING (item_id) WHERE i.meeting_id = m.meeting_id AND d.status = 'in_force')
ORDER BY m.meeting_date DESC, m.meeting_id DESC
LIMIT 1;
