-- Units each agenda topic's appeals were dispatched to: how many appeals each received, returned
-- (by class) and kept as final owner; the 15 busiest units per topic.
WITH per AS (
  SELECT topic_id, to_party AS unit, any_value(to_kind) AS kind, any_value(to_district) AS district,
    platform, appeal_id,
    bool_or(return_class = 'functional') AS functional,
    bool_or(return_class = 'territorial') AS territorial,
    bool_or(return_class IS NOT NULL) AS returned,
    any_value(owner_unit) = to_party AS kept
  FROM agenda_transfers
  WHERE link = 'dispatch'
  GROUP BY topic_id, to_party, platform, appeal_id
),
units AS (
  SELECT topic_id, unit, any_value(kind) AS kind, any_value(district) AS district,
    count(*)::INTEGER AS received,
    count(*) FILTER (WHERE returned)::INTEGER AS returned,
    count(*) FILTER (WHERE functional)::INTEGER AS functional_returns,
    count(*) FILTER (WHERE territorial)::INTEGER AS territorial_returns,
    count(*) FILTER (WHERE kept)::INTEGER AS kept
  FROM per GROUP BY topic_id, unit
)
SELECT * FROM units
QUALIFY row_number() OVER (PARTITION BY topic_id ORDER BY received DESC, unit) <= 15
ORDER BY topic_id, received DESC, unit;
