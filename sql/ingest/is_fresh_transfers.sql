-- As is_fresh_appeals, for transfers.
SELECT
  (SELECT count(*) = count(DISTINCT (platform, appeal_id, seq)) FROM typed WHERE reject_reason IS NULL)
  AND NOT EXISTS (SELECT 1 FROM typed t JOIN transfers x USING (platform, appeal_id, seq) WHERE t.reject_reason IS NULL) AS fresh;
