-- Appeals of the loaded partition the topic engine works on (12345 and non-police 110).
SELECT count(*)::INTEGER AS n FROM topic_input;
