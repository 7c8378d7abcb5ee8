-- Drops what export/prepare made, so an export leaves nothing on its connection.
DROP VIEW IF EXISTS export_appeals;
DROP VIEW IF EXISTS export_transfers;
DROP VIEW IF EXISTS export_appeal_topics;
DROP VIEW IF EXISTS export_appeal_signals;
DROP VIEW IF EXISTS export_units;
DROP VIEW IF EXISTS export_topics;
DROP VIEW IF EXISTS export_topic_terms;
DROP TABLE IF EXISTS export_appeal_keys;
