-- Every appeal with its topic (empty when unclustered) for `topics export`. Cells that a
-- spreadsheet would read as a formula (= + - @ first) are prefixed with a quote.
COPY (
  SELECT CASE WHEN regexp_matches(a.appeal_id, '^[=+\-@]') THEN '''' || a.appeal_id ELSE a.appeal_id END AS appeal_id,
         a.platform, t.topic_id,
         CASE WHEN regexp_matches(tp.label, '^[=+\-@]') THEN '''' || tp.label ELSE tp.label END AS topic_label,
         t.similarity
  FROM appeals a
  LEFT JOIN appeal_topics t USING (platform, appeal_id)
  LEFT JOIN topics tp USING (topic_id)
  ORDER BY a.platform, a.appeal_id
) TO $file (FORMAT csv, HEADER true);
