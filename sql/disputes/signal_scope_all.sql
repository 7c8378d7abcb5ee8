-- Scope of refresh_signals.sql for a full rebuild: every appeal (its text cue to be found) and
-- transfer, the old rows gone.
CREATE OR REPLACE TEMP VIEW signal_appeals AS SELECT *, true AS target, false AS cue_known, NULL::VARCHAR AS known_cue FROM appeals;
CREATE OR REPLACE TEMP VIEW signal_transfers AS SELECT * FROM transfers;
DELETE FROM transfer_facts;
DELETE FROM appeal_signals;
