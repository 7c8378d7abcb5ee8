-- The import report's counts; rows read = inserted + updated + unchanged + rejected.
SELECT
  (SELECT count(*) FROM classified WHERE outcome_of_row = 'inserted')::INTEGER AS inserted,
  (SELECT count(*) FROM classified WHERE outcome_of_row = 'updated')::INTEGER AS updated,
  (SELECT count(*) FROM classified WHERE outcome_of_row = 'unchanged')::INTEGER AS unchanged,
  ((SELECT count(*) FROM typed WHERE reject_reason IS NOT NULL) + (SELECT count(*) FROM staged_errors))::INTEGER AS rejected;
