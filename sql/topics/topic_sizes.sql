-- Appeals per topic now.
SELECT topic_id, count(*)::INTEGER AS size FROM appeal_topics GROUP BY topic_id ORDER BY topic_id;
