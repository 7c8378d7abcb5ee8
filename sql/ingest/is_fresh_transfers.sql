-- As is_fresh_appeals, for transfers.
SELECT
  NOT EXISTS (SELECT 1 FROM typed WHERE reject_reason IS NULL GROUP BY platform, appeal_id, seq HAVING count(*) > 1)
  AND NOT EXISTS (SELECT 1 FROM typed t JOIN transfers x USING (platform, appeal_id, seq) WHERE t.reject_reason IS NULL) AS fresh;
