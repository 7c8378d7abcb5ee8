-- Evidence for agenda topics: the units their appeals went to in the window, with how many of
-- those appeals each unit received, accepted and returned, and how many it finally handled (its
-- transfer was the appeal's last accepted one). The $limit most involved units per topic.
-- Appeals that praise or thank are left out (appeal_signals.is_praise), as in the topic scores.
WITH wanted AS (SELECT unnest(CAST(CAST($topics AS JSON) AS INTEGER[])) AS topic_id),
ta AS (
  SELECT tp.topic_id, a.platform, a.appeal_id
  FROM appeal_topics tp
  JOIN wanted USING (topic_id)
  JOIN appeals a ON a.platform = tp.platform AND a.appeal_id = tp.appeal_id
  ANTI JOIN appeal_signals ps ON ps.platform = a.platform AND ps.appeal_id = a.appeal_id AND ps.is_praise
  WHERE a.received_at >= CAST($from AS DATE) AND a.received_at < CAST($to AS DATE) + 1
),
tr AS (
  SELECT ta.topic_id, t.platform, t.appeal_id, t.seq, t.to_party, t.outcome
  FROM ta JOIN transfers t ON t.platform = ta.platform AND t.appeal_id = ta.appeal_id
  WHERE is_handling_unit(t.to_party)
),
final AS (
  SELECT topic_id, arg_max(to_party, seq) AS unit
  FROM tr WHERE outcome = 'accepted'
  GROUP BY topic_id, platform, appeal_id
),
per_unit AS (
  SELECT topic_id, to_party AS unit,
    count(DISTINCT (platform, appeal_id))::INTEGER AS appeals,
    count(*) FILTER (WHERE outcome = 'accepted')::INTEGER AS accepted,
    count(*) FILTER (WHERE outcome = 'returned')::INTEGER AS returned
  FROM tr GROUP BY topic_id, to_party
)
SELECT p.topic_id, p.unit, u.kind, p.appeals, p.accepted, p.returned, coalesce(f.final_handled, 0)::INTEGER AS final_handled
FROM per_unit p
LEFT JOIN (SELECT topic_id, unit, count(*) AS final_handled FROM final GROUP BY ALL) f USING (topic_id, unit)
LEFT JOIN units u ON u.name = p.unit
QUALIFY row_number() OVER (PARTITION BY p.topic_id ORDER BY p.appeals DESC, p.unit) <= $limit
ORDER BY p.topic_id, p.appeals DESC, p.unit;
