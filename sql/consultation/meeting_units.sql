SELECT unit_name, origin FROM meeting_units WHERE meeting_id = $1 ORDER BY unit_name COLLATE zh;
