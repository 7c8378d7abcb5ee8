-- Appends an item at the end of the meeting's agenda.
INSERT INTO agenda_items (meeting_id, position, topic_id, title, notes, origin, evidence)
SELECT $meeting_id, coalesce(max(position), 0) + 1, $topic_id, $title, $notes, $origin, CAST($evidence AS JSON)
FROM agenda_items WHERE meeting_id = $meeting_id;
SELECT currval('agenda_item_id_seq')::INTEGER AS item_id;
