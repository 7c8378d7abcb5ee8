-- One import into the synthetic city (synthetic_city.sql) for speed measurements: $new appeals
-- received after the latest one (copies of older ones: same caller, address and topic, so some are
-- repeats), each with its hand-overs, and $updated older appeals re-sent closed later, each with one
-- more hand-over. Rows are written as the importer writes them: a new import_id, loaded now.
SET VARIABLE synth_import = (SELECT max(import_id) + 1 FROM appeals);
SET VARIABLE synth_latest = (SELECT max(received_at) FROM appeals);

CREATE OR REPLACE TEMP TABLE synth_pick AS
SELECT a.platform, a.appeal_id, a.received_at,
  row_number() OVER (ORDER BY hash(a.appeal_id, getvariable('synth_import'))) AS k
FROM appeals a
QUALIFY k <= $new + $updated;

CREATE OR REPLACE TEMP TABLE synth_new AS
SELECT p.platform, p.appeal_id AS source_id, p.appeal_id || '-' || getvariable('synth_import') AS appeal_id,
  getvariable('synth_latest') + to_minutes(p.k) - p.received_at AS shift
FROM synth_pick p WHERE p.k <= $new;

CREATE OR REPLACE TEMP TABLE synth_updated AS
SELECT platform, appeal_id FROM synth_pick WHERE k > $new;

INSERT INTO appeals
SELECT a.platform, n.appeal_id, a.channel, a.received_at + n.shift, a.district, a.street, a.address, a.lon, a.lat,
  a.source_category, a.appeal_type, a.title, a.content, a.caller_key, a.is_police_matter, '办理中', a.handling_unit,
  NULL, NULL, NULL, NULL, 'n', getvariable('synth_import'), 'synthetic import', 0, now(), NULL
FROM appeals a JOIN synth_new n ON n.platform = a.platform AND n.source_id = a.appeal_id;

INSERT INTO appeal_topics
SELECT n.platform, n.appeal_id, tp.topic_id, tp.similarity
FROM appeal_topics tp JOIN synth_new n ON n.platform = tp.platform AND n.source_id = tp.appeal_id;

INSERT INTO transfers
SELECT t.platform, n.appeal_id, t.seq, t.from_party, t.to_party, t.method, t.sent_at + n.shift, t.accepted_at + n.shift,
  t.outcome, t.reason, 'n', getvariable('synth_import'), 'synthetic import', 0, now()
FROM transfers t JOIN synth_new n ON n.platform = t.platform AND n.source_id = t.appeal_id;

CREATE OR REPLACE TEMP TABLE synth_rewrite AS
SELECT a.* REPLACE (a.closed_at + INTERVAL 3 DAY AS closed_at, 'u' AS row_hash, getvariable('synth_import') AS import_id, now() AS loaded_at)
FROM appeals a SEMI JOIN synth_updated USING (platform, appeal_id);
DELETE FROM appeals a USING synth_updated u WHERE a.platform = u.platform AND a.appeal_id = u.appeal_id;
INSERT INTO appeals SELECT * FROM synth_rewrite;

INSERT INTO transfers
SELECT t.platform, t.appeal_id, t.seq + 1, '12345', t.to_party, 'dispatch', t.sent_at + INTERVAL 1 DAY, t.sent_at + INTERVAL 25 HOUR,
  'accepted', NULL, 'u', getvariable('synth_import'), 'synthetic import', 0, now()
FROM transfers t SEMI JOIN synth_updated USING (platform, appeal_id)
QUALIFY row_number() OVER (PARTITION BY t.platform, t.appeal_id ORDER BY t.seq DESC) = 1;

DROP TABLE synth_pick;
DROP TABLE synth_new;
DROP TABLE synth_updated;
DROP TABLE synth_rewrite;
