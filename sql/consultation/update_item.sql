UPDATE agenda_items SET title = $title, notes = $notes WHERE item_id = $item_id;
