-- Where agenda topics' returned work orders went next, by unit kind: from the kind of the unit that
-- returned it to the kind of the next party it was sent to (a platform code when it went to
-- 12345/110…, '—' when nothing followed), split by return class.
WITH seqd AS (
  SELECT *,
    lead(coalesce(to_kind, CASE WHEN link <> 'dispatch' THEN to_party END, '?')) OVER (PARTITION BY platform, appeal_id ORDER BY seq) AS next_party
  FROM agenda_transfers
),
flows AS (
  SELECT topic_id, coalesce(to_kind, '?') AS from_kind, coalesce(next_party, '—') AS to_kind,
    count(*)::INTEGER AS returns,
    count(*) FILTER (WHERE return_class = 'functional')::INTEGER AS functional,
    count(*) FILTER (WHERE return_class = 'territorial')::INTEGER AS territorial,
    count(*) FILTER (WHERE return_class = 'unclear')::INTEGER AS unclear
  FROM seqd
  WHERE return_class IS NOT NULL
  GROUP BY ALL
)
SELECT * FROM flows
QUALIFY row_number() OVER (PARTITION BY topic_id ORDER BY returns DESC, from_kind, to_kind) <= 12
ORDER BY topic_id, returns DESC, from_kind, to_kind;
