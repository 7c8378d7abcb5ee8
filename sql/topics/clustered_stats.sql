-- Appeals in active topics and their number: the average topic size used by class-based TF-IDF.
SELECT count(*)::INTEGER AS clustered, count(DISTINCT t.topic_id)::INTEGER AS topics
FROM appeal_topics a JOIN topics t USING (topic_id)
WHERE t.status = 'active';
