-- The outlier queue: unclustered appeals, newest first, optionally those containing $search, with
-- the nearest topic (below its threshold). Texts as stored (masked).
SELECT o.platform, o.appeal_id, a.received_at, a.district, a.title, a.content,
       o.best_topic, t.label AS best_label, o.best_similarity,
       count(*) OVER ()::INTEGER AS total
FROM topic_outliers o
JOIN appeals a USING (platform, appeal_id)
LEFT JOIN topics t ON t.topic_id = o.best_topic
WHERE $search IS NULL OR contains(coalesce(a.title, '') || ' ' || a.content, $search)
ORDER BY a.received_at DESC, o.platform, o.appeal_id
LIMIT $limit OFFSET $offset;
