SELECT rank, term, weight, share FROM topic_terms WHERE topic_id = $id ORDER BY rank;
