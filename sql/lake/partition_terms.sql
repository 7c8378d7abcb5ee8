-- Distinctive terms of a partition run's topics, for the merge to combine by topic.
SELECT topic_id, rank, term, weight, share FROM topic_terms ORDER BY topic_id, rank;
