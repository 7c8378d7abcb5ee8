-- The latest run's vectoriser as two strings (terms joined by chr(31); "df:idf" joined by chr(30)
-- in the same order): one value to read instead of a row per term.
SELECT count(*)::INTEGER AS n,
       coalesce(string_agg(term, chr(31) ORDER BY term), '') AS terms,
       coalesce(string_agg(df::VARCHAR || ':' || idf::VARCHAR, chr(30) ORDER BY term), '') AS stats
FROM topic_vocabulary;
