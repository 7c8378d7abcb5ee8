-- The learned user dictionary of the latest run ($words: JSON list of {word, kind, freq}).
DELETE FROM topic_lexicon;
INSERT INTO topic_lexicon
SELECT w.word, w.kind, w.freq
FROM (SELECT unnest(from_json($words, '[{"word":"VARCHAR","kind":"VARCHAR","freq":"INTEGER"}]'), recursive := true)) AS w;
