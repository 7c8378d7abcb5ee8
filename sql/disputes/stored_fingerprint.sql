-- The fingerprint of the inputs appeal_signals was last built from.
SELECT value AS fingerprint FROM settings WHERE key = 'disputes_fingerprint';
