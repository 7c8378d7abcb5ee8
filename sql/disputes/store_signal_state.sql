-- Records what appeal_signals and transfer_facts now cover ($rules: digest of the rules and
-- thresholds), for the next refresh to find what changed since.
DELETE FROM signal_state;
INSERT INTO signal_state
SELECT $rules,
  coalesce(greatest((SELECT max(import_id) FROM appeals), (SELECT max(import_id) FROM transfers)), -1),
  coalesce(greatest((SELECT max(loaded_at) FROM appeals), (SELECT max(loaded_at) FROM transfers)), TIMESTAMPTZ '-infinity');
DELETE FROM signal_units;
INSERT INTO signal_units SELECT name, kind, district FROM units;
