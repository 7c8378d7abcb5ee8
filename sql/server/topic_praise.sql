-- The appeals of topic $topic in the window [$from, $to] (inclusive dates) that praise or thank:
-- left out of its dispute figures and evidence, counted so the topic page can say so.
SELECT count(*)::INTEGER AS n
FROM appeal_signals
WHERE topic_id = $topic AND is_praise
  AND received_at >= CAST($from AS DATE) AND received_at < CAST($to AS DATE) + 1;
