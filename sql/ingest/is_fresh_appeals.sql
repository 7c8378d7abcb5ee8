-- True when the file's loadable rows are all new records, each once: the usual first import of an
-- export, which can be written without comparing versions.
SELECT
  NOT EXISTS (SELECT 1 FROM typed WHERE reject_reason IS NULL GROUP BY platform, appeal_id HAVING count(*) > 1)
  AND NOT EXISTS (SELECT 1 FROM typed t JOIN appeals a USING (platform, appeal_id) WHERE t.reject_reason IS NULL) AS fresh;
