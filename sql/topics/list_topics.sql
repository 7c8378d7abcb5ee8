-- Topics with their top terms ($statuses: JSON list of statuses to show), largest first.
WITH terms AS (
  SELECT topic_id, list(term ORDER BY rank) AS terms FROM topic_terms WHERE rank <= $terms GROUP BY topic_id
)
SELECT t.topic_id, t.label, t.status, t.size, t.label_source, t.auto_label, t.created_run, t.updated_run,
       t.parent_topic, t.merged_into, t.threshold, coalesce(terms.terms, []) AS terms
FROM topics t LEFT JOIN terms USING (topic_id)
WHERE t.status IN (SELECT unnest(from_json($statuses, '["VARCHAR"]')))
ORDER BY t.size DESC, t.topic_id
LIMIT $limit;
