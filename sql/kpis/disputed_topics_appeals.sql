-- Drill-down of disputed_topics_open / _decided: the appeals of the topics counted in the period starting
-- $period_start ($decided: which of the two KPIs), with their topic. Paged by $limit/$offset.
WITH d AS (
  SELECT topic_id FROM kpi_disputed_topics($period, $period_start,
    CAST($period_start AS DATE) + period_step($period),
    $district, $district IS NOT NULL, $min_appeals, $min_share)
  WHERE decided = $decided
)
SELECT s.platform, s.appeal_id, NULL::INTEGER AS seq, strftime(s.received_at, '%Y-%m-%d %H:%M') AS attributed_at, s.district,
  CAST(s.topic_id AS VARCHAR) AS breakdown, true AS in_numerator, false AS in_denominator, NULL::DOUBLE AS measure,
  count(*) OVER () AS total
FROM appeal_signals s
WHERE s.topic_id IN (SELECT topic_id FROM d)
  AND s.received_day >= CAST($period_start AS DATE)
  AND s.received_day < CAST($period_start AS DATE) + period_step($period)
  AND ($district IS NULL OR s.district = $district)
ORDER BY s.topic_id, s.received_at, s.platform, s.appeal_id
LIMIT $limit OFFSET $offset;
