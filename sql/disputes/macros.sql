-- Session macros of dispute detection and KPIs (TEMP: recreated for every connection that uses them).

-- Parties of a transfer that are platforms or hotlines, not handling units.
CREATE OR REPLACE TEMP MACRO is_platform_party(p) AS
  p IN ('12345', '110', '119', '120', '122', 'water', 'power', 'gas', 'heat');

-- Emergency-linkage parties: fire, ambulance, traffic police and the utility hotlines.
CREATE OR REPLACE TEMP MACRO is_emergency_party(p) AS
  p IN ('119', '120', '122', 'water', 'power', 'gas', 'heat');

-- A district's short form (东城区 → 东城, 浦东新区 → 浦东, 高新区 → 高新), used to find it inside unit
-- names such as 东城分局; a form shorter than two characters would match too much, so the name stays.
CREATE OR REPLACE TEMP MACRO district_short(d) AS
  CASE
    WHEN length(d) >= 4 AND suffix(d, '新区') THEN left(d, length(d) - 2)
    WHEN length(d) >= 3 AND regexp_matches(d, '[区县市旗]$') THEN left(d, length(d) - 1)
    ELSE d
  END;

-- Hours between two instants (fractional).
CREATE OR REPLACE TEMP MACRO hours_between(a, b) AS (epoch(b) - epoch(a)) / 3600.0;

-- One period of a KPI calendar unit (day | week | month | quarter) as an interval.
CREATE OR REPLACE TEMP MACRO period_step(unit) AS
  CASE unit WHEN 'day' THEN INTERVAL 1 DAY WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END;

-- A repeat run's key (caller or address) as stored in appeal_signals: its hash, NULL kept NULL
-- (hash(NULL) is a value like any other).
CREATE OR REPLACE TEMP MACRO run_hash(k) AS CASE WHEN k IS NOT NULL THEN hash(k) END;
