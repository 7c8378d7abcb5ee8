-- The previous merge's centroids, one row per topic (terms joined by chr(31), weights by chr(30)).
SELECT topic_id,
       string_agg(term, chr(31) ORDER BY term) AS terms,
       string_agg(weight::VARCHAR, chr(30) ORDER BY term) AS weights
FROM read_parquet($file)
GROUP BY topic_id
ORDER BY topic_id;
