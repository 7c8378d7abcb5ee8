DROP TABLE topic_new;
