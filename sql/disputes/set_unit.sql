-- A unit's kind and district set by hand ($name, $kind, $district); marked manual so resolution keeps it.
INSERT INTO units (name, kind, district, origin) VALUES ($name, $kind, $district, 'manual')
ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, district = excluded.district, origin = 'manual';
