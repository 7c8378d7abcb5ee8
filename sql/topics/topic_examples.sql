-- Representative appeals of the given topics ($ids: JSON list), most central first; texts as stored (masked).
SELECT e.topic_id, e.rank, e.platform, e.appeal_id, e.similarity, a.received_at, a.district, a.title, a.content
FROM topic_examples e JOIN appeals a USING (platform, appeal_id)
WHERE e.topic_id IN (SELECT unnest(from_json($ids, '["INTEGER"]')))
ORDER BY e.topic_id, e.rank;
