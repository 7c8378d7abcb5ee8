-- Place and unit names for the segmenter's user dictionary, learned from the data: districts,
-- streets, the estate or road at the head of an address (after its district and street), handling
-- units and units. A name is learned when it occurs at least $min_freq times.
CREATE OR REPLACE TEMP TABLE topic_names AS
WITH addresses AS (
  -- The part before the first digit (house numbers make nearly every address distinct).
  SELECT regexp_extract(address, '^[^0-9]*') AS address, count(*) AS n
  FROM topic_input WHERE address IS NOT NULL GROUP BY 1
),
names AS (
  SELECT district AS word, 'place' AS kind, count(*) AS n FROM topic_input WHERE district IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT street, 'place', count(*) FROM topic_input WHERE street IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT regexp_extract(address,
           '^(?:[^0-9]{1,8}?[区县市])?(?:[^0-9]{1,10}?(?:街道|镇|乡))?(\p{Han}{2,10}?(?:小区|花园|家园|公寓|大厦|新村|社区|苑|府|城|湾|庭|园|里|村|大道|路|街|巷))', 1),
         'place', sum(n)
  FROM addresses GROUP BY ALL
  UNION ALL
  SELECT handling_unit, 'unit', count(*) FROM topic_input WHERE handling_unit IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT name, 'unit', $min_freq FROM units
)
SELECT * FROM names;
-- The word filter runs on the few distinct names (in one query it is pushed down to every row).
SELECT word, min(kind) AS kind, sum(n)::INTEGER AS freq
FROM topic_names
WHERE length(word) BETWEEN 2 AND 24 AND NOT regexp_matches(word, '[0-9A-Za-z\s]')
GROUP BY word
HAVING sum(n) >= $min_freq
ORDER BY word;
