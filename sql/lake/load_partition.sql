-- One partition of a Parquet export into a scratch database, for a topic run on it alone.
-- $files: JSON list of the partition's appeals files; $units: the export's units file.
-- lake_keys keeps each appeal's district and month (the appeals table has no month) for the
-- partition's assignments file.
CREATE TEMP TABLE lake_keys AS
SELECT platform, appeal_id, district, month
FROM read_parquet(from_json($files, '["VARCHAR"]'), hive_partitioning = false);

INSERT INTO appeals BY NAME
SELECT * EXCLUDE (month) FROM read_parquet(from_json($files, '["VARCHAR"]'), hive_partitioning = false);

INSERT INTO units BY NAME
SELECT * FROM read_parquet($units);
