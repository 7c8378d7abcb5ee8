UPDATE agenda_items SET evidence = CAST($evidence AS JSON) WHERE item_id = $item_id;
