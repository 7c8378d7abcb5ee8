-- Rebuilds the KPI rollups from the member views (run after appeal_signals/transfer_facts change).
-- kpi_daily: counts and rates summed per local day, district and breakdown; any period is a sum of days.
-- kpi_percentiles: percentiles cannot be summed, so they are computed for every period of every
-- calendar unit, for all districts together and per district, in total and per breakdown value.
-- kpi_topic_periods: appeals and structurally disputed appeals per topic and period, for the
-- disputed-topics KPIs (whether a topic counts depends on the whole period, so days cannot be summed);
-- appeals that praise or thank are left out, as in the topic scores.
DELETE FROM kpi_daily;

INSERT INTO kpi_daily
SELECT kpi, attributed_day, district, breakdown, sum(num), sum(den)
FROM kpi_count_members
GROUP BY ALL;

DELETE FROM kpi_percentiles;

INSERT INTO kpi_percentiles
WITH m AS (
  SELECT kpi, u.unit, date_trunc(u.unit, attributed_day) AS period_start, district, breakdown, measure
  FROM kpi_percentile_members
  CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) u(unit)
)
SELECT kpi, unit, period_start, by_district, district, total, breakdown, n, q[1], q[2]
FROM (
  SELECT kpi, unit, period_start,
    grouping(district) = 0 AS by_district, district,
    grouping(breakdown) = 1 AS total, breakdown,
    count(*) AS n, quantile_cont(measure, [0.5, 0.9]) AS q
  FROM m
  GROUP BY GROUPING SETS ((kpi, unit, period_start, district, breakdown), (kpi, unit, period_start, district),
    (kpi, unit, period_start, breakdown), (kpi, unit, period_start))
  HAVING grouping(breakdown) = 1 OR breakdown IS NOT NULL
);

DELETE FROM kpi_topic_periods;

INSERT INTO kpi_topic_periods
SELECT u.unit, date_trunc(u.unit, s.received_day) AS period_start,
  grouping(s.district) = 0 AS by_district, s.district, s.topic_id,
  count(*),
  count(*) FILTER (WHERE s.sig_functional_return OR s.sig_redispatch_kind OR s.sig_ping_pong OR s.sig_three_party)
FROM appeal_signals s
CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter')) u(unit)
WHERE s.topic_id IS NOT NULL AND NOT s.is_praise
GROUP BY GROUPING SETS ((u.unit, period_start, s.district, s.topic_id), (u.unit, period_start, s.topic_id));
