-- Stored centroids, one row per topic: terms and weights joined into one string each (far faster
-- to read than one row per term). Separators: chr(31) between terms, chr(30) in the weights.
SELECT topic_id,
       string_agg(term, chr(31) ORDER BY term) AS terms,
       string_agg(weight::VARCHAR, chr(30) ORDER BY term) AS weights
FROM topic_centroids
GROUP BY topic_id
ORDER BY topic_id;
