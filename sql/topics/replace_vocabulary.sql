-- The vectoriser of the latest run ($rows: JSON list of {term, df, idf}).
DELETE FROM topic_vocabulary;
INSERT INTO topic_vocabulary
SELECT v.term, v.df, v.idf
FROM (SELECT unnest(from_json($rows, '[{"term":"VARCHAR","df":"INTEGER","idf":"DOUBLE"}]'), recursive := true)) AS v;
