-- Ends a snapshot. The SELECT fails first when an earlier error aborted the transaction (DuckDB's
-- COMMIT would then roll back silently, TEMP objects made in it included).
SELECT 1;
COMMIT;
