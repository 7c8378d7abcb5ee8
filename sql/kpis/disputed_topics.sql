-- KPIs disputed_topics_open / disputed_topics_decided — disputed topics (争议事项) per period.
--   A topic is disputed in a period (and district, when KPIs are split by district) when it has at
--   least $min_appeals appeals there (kpi.disputedMinAppeals, default 20) and at least $min_share of
--   them (kpi.disputedMinShare, default 0.2) carry a structural dispute signal: a functional return,
--   a re-dispatch to another kind of unit, 12345 ↔ 110 ping-pong, or a three-party call. (Fixed
--   structural signals rather than the tunable dispute score, so the KPI does not move when score
--   weights are tuned.)
--   decided:     a disputed topic with a decision in force (decisions.status 'in_force') effective on or
--                before the period's last day, covering every district or the row's district.
--   open:        a disputed topic without such a decision.
--   Counts:      topics.   Time: the appeals' received_at.   District: the appeals' district.
--   Exclusions:  appeals in no topic; topics marked noise, merged or retired.
--   Counted from kpi_topic_periods (rebuilt with the other rollups by sql/kpis/rollup.sql).
CREATE OR REPLACE TEMP MACRO kpi_disputed_topics(unit_arg, from_arg, to_arg, district_arg, by_district_arg, min_appeals_arg, min_share_arg) AS TABLE
SELECT p.period_start, p.district, p.topic_id, p.appeals, p.disputed,
  EXISTS (
    SELECT 1 FROM decisions d
    WHERE d.topic_id = p.topic_id AND d.status = 'in_force'
      AND d.effective_from < CAST(p.period_start + period_step(unit_arg) AS DATE)
      AND (len(d.scope_districts) = 0 OR list_contains(d.scope_districts, coalesce(p.district, district_arg)))
  ) AS decided
FROM kpi_topic_periods p
JOIN topics t USING (topic_id)
WHERE t.status NOT IN ('noise', 'merged', 'retired')
  AND p.period_unit = unit_arg
  AND p.period_start >= CAST(from_arg AS DATE) AND p.period_start < CAST(to_arg AS DATE)
  AND p.by_district = by_district_arg
  AND (district_arg IS NULL OR p.district = district_arg)
  AND p.appeals >= min_appeals_arg AND p.disputed >= min_share_arg * p.appeals;
