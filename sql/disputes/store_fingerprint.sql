INSERT OR REPLACE INTO settings (key, value) VALUES ('disputes_fingerprint', $1);
