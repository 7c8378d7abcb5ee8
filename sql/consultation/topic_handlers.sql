-- Who has handled each topic's appeals in practice: the final owner of each appeal (appeal_signals,
-- the dispute detector's definition); per topic, the $1 commonest owners with their share of the
-- topic's appeals that have one. Route suggestion shows it when no rule applies. A thank-you goes to
-- the unit thanked, whatever the problem was: praise is left out.
SELECT topic_id, owner_unit AS unit, count(*)::INTEGER AS appeals,
  count(*) / sum(count(*)) OVER (PARTITION BY topic_id) AS share
FROM appeal_signals
WHERE topic_id IS NOT NULL AND owner_unit IS NOT NULL AND NOT is_praise
GROUP BY topic_id, owner_unit
QUALIFY row_number() OVER (PARTITION BY topic_id ORDER BY appeals DESC, unit) <= $1
ORDER BY topic_id, appeals DESC, unit;
