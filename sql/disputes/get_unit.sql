-- One unit by name.
SELECT name, kind, district, origin FROM units WHERE name = $1;
