-- Appeals of the topic by month of receipt (local time).
SELECT strftime(date_trunc('month', a.received_at), '%Y-%m') AS month, count(*)::INTEGER AS appeals
FROM appeal_topics t JOIN appeals a USING (platform, appeal_id)
WHERE t.topic_id = $id
GROUP BY 1 ORDER BY 1;
