-- What a reader of an export needs to know about the database it came from.
SELECT (SELECT max(version) FROM schema_migrations)::INTEGER AS schema_version, current_setting('TimeZone') AS time_zone;
