-- This database's override of the dispute-score configuration (partial JSON), if any.
SELECT value FROM settings WHERE key = 'dispute_config';
