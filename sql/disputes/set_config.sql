-- Stores the dispute-score override ($1: JSON text, already validated).
INSERT OR REPLACE INTO settings (key, value) VALUES ('dispute_config', $1);
