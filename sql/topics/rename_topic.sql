UPDATE topics SET label = $label, label_source = 'curated' WHERE topic_id = $id;
