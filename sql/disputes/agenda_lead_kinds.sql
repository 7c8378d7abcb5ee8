-- Candidate lead unit kinds per agenda topic. For each kind the topic's appeals were sent to:
-- sent (appeals), returned (appeals a unit of this kind returned), kept_clean (appeals a unit of this
-- kind finally owned, never returned by this kind, and not recorded as unresolved).
WITH sent AS (
  SELECT topic_id, to_kind AS kind, platform, appeal_id,
    bool_or(outcome = 'returned') AS returned,
    any_value(owner_kind) AS owner_kind,
    any_value(resolved) AS resolved
  FROM agenda_transfers
  WHERE link = 'dispatch' AND to_kind IS NOT NULL
  GROUP BY topic_id, to_kind, platform, appeal_id
)
SELECT topic_id, kind,
  count(*)::INTEGER AS sent,
  count(*) FILTER (WHERE returned)::INTEGER AS returned,
  count(*) FILTER (WHERE NOT returned AND owner_kind = kind AND resolved IS NOT false)::INTEGER AS kept_clean
FROM sent
GROUP BY ALL
ORDER BY topic_id, kept_clean DESC, returned, kind;
