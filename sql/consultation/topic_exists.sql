SELECT topic_id, label, status FROM topics WHERE topic_id = $1;
