SELECT i.item_id, i.meeting_id, i.position, i.topic_id, i.title, i.notes, i.origin
FROM agenda_items i WHERE i.item_id = $1;
