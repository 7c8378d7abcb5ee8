UPDATE topics SET status = $status WHERE topic_id = $id;
