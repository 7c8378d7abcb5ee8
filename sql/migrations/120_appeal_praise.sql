-- Whether an appeal praises or thanks (its type, 诉求类型, matches a praise type in
-- pipelines/disputes/rules/cues.json): such a call asks nobody to act, so topic scores, agendas,
-- practice owners and the disputed-topic KPIs leave it out. Filled when the signals are rebuilt,
-- which the changed rules digest brings about on the first refresh after this migration.
ALTER TABLE appeal_signals ADD COLUMN is_praise BOOLEAN DEFAULT false;
