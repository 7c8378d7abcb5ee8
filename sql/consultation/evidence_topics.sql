-- Labels of the given topics ($topics: JSON list of ids).
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id)
SELECT t.topic_id, t.label, t.status
FROM topics t JOIN wanted USING (topic_id)
ORDER BY t.topic_id;
