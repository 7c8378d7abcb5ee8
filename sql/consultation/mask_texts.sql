-- Many texts at once ($1: JSON list of strings), for the last check before a document leaves.
SELECT s AS original, mask_pii(s) AS masked
FROM (SELECT unnest(CAST(CAST($1 AS JSON) AS VARCHAR[])) AS s);
