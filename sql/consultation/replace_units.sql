-- Replaces the invited units; $units is a JSON list of {name, origin}.
DELETE FROM meeting_units WHERE meeting_id = $meeting_id;
INSERT INTO meeting_units (meeting_id, unit_name, origin)
SELECT DISTINCT ON (u.name) $meeting_id, u.name, u.origin
FROM (SELECT unnest(CAST(CAST($units AS JSON) AS STRUCT(name VARCHAR, origin VARCHAR)[]), recursive := true)) u;
