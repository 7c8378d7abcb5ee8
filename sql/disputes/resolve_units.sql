-- Resolves every unit named in appeals and transfers into kind + district.
-- $rules: JSON [{kind, pattern}] tried in order (pipelines/disputes/rules/unit-kinds.json).
-- Kind: the first rule whose pattern matches the name. District: the longest known district
-- (appeals.district) named in the unit's name, in full (东城区) or short (东城分局); failing that, for
-- units not named after the city (江城市…), the district of ≥ 80 % of at least 3 appeals sent to it
-- (a street office handles its own district's appeals). Manual rows are never touched.

CREATE OR REPLACE TEMP TABLE unit_names AS
SELECT DISTINCT name FROM (
  SELECT to_party AS name FROM transfers
  UNION ALL SELECT from_party FROM transfers
  UNION ALL SELECT handling_unit FROM appeals
) WHERE nz(name) IS NOT NULL AND NOT is_platform_party(name);

INSERT INTO units (name, origin)
SELECT name, 'inferred' FROM unit_names WHERE name NOT IN (SELECT name FROM units);

CREATE OR REPLACE TEMP TABLE unit_rules AS
WITH parsed AS (SELECT from_json($rules, '[{"kind":"VARCHAR","pattern":"VARCHAR"}]') AS r)
SELECT i AS priority, r[i].kind AS kind, r[i].pattern AS pattern FROM parsed, range(1, len(r) + 1) t(i);

CREATE OR REPLACE TEMP TABLE known_districts AS
SELECT DISTINCT district, district_short(district) AS short FROM appeals WHERE nz(district) IS NOT NULL;

CREATE OR REPLACE TEMP TABLE unit_resolved AS
WITH unresolved AS (SELECT name FROM units WHERE origin = 'inferred'),
kinds AS (
  SELECT name, arg_min(kind, priority) AS kind
  FROM unresolved JOIN unit_rules ON regexp_matches(name, pattern)
  GROUP BY name
),
named AS (
  SELECT name, arg_max(district, length(CASE WHEN contains(name, district) THEN district ELSE short END)) AS district
  FROM unresolved JOIN known_districts ON contains(name, district) OR contains(name, short)
  GROUP BY name
),
sent AS (
  SELECT t.to_party AS name, a.district, count(*) AS n
  FROM transfers t JOIN appeals a USING (platform, appeal_id)
  WHERE t.to_party IN (SELECT name FROM unresolved) AND a.district IS NOT NULL
  GROUP BY ALL
),
context AS (
  SELECT name, arg_max(district, n) AS district, max(n) / sum(n) AS share, sum(n) AS total
  FROM sent GROUP BY name
)
SELECT unresolved.name, kinds.kind,
  coalesce(named.district,
    CASE WHEN NOT regexp_matches(unresolved.name, '^[^区县]{1,6}市') AND context.share >= 0.8 AND context.total >= 3
      THEN context.district END) AS district
FROM unresolved
LEFT JOIN kinds USING (name)
LEFT JOIN named USING (name)
LEFT JOIN context USING (name);

UPDATE units SET kind = r.kind, district = r.district
FROM unit_resolved r
WHERE units.name = r.name AND units.origin = 'inferred'
  AND (units.kind IS DISTINCT FROM r.kind OR units.district IS DISTINCT FROM r.district);
