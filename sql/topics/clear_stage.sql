DELETE FROM topic_stage;
