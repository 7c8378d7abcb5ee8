-- Removes an item and closes the gap it leaves in the order.
DELETE FROM agenda_items WHERE item_id = $item_id;
UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $meeting_id AND position > $position;
