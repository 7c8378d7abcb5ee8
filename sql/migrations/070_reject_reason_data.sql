-- Why a row was rejected, as data (code, source header, value; for comparisons a second header and
-- value) beside the English text, so the dashboard can word it in its own language. NULL for rows
-- that could not be split into fields, whose reasons come from the readers as text.
ALTER TABLE rejects ADD COLUMN reason_data JSON;
