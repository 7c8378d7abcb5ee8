UPDATE agenda_items SET position = $position WHERE item_id = $item_id;
