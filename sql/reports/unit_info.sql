SELECT name, kind, district FROM units WHERE name = $1;
