-- The learned user dictionary, as the latest run used it.
SELECT word, kind, freq FROM topic_lexicon ORDER BY word;
