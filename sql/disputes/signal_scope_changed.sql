-- Scope of refresh_signals.sql for the appeals in signal_targets (signal_changes.sql), their old
-- rows deleted: those appeals, and the appeals that may be their predecessor in a repeat run (same
-- caller / address and topic, up to $repeat_days before), which their repeat signals are read
-- from. Only the appeals written since are read whole: the others' text is unchanged, and so is the
-- text cue their signals hold (their replies are read: short, and few appeals are in scope). An appeal that is not a target did not change: appeal_signals holds
-- its runs and time.
CREATE OR REPLACE TEMP TABLE signal_runs AS
SELECT run_hash(w.caller_key) AS caller_hash, run_hash(w.address) AS address_hash, tp.topic_id, w.received_at
FROM signal_written w JOIN appeal_topics tp USING (platform, appeal_id)
UNION ALL
SELECT s.caller_hash, s.address_hash, tp.topic_id, s.received_at
FROM signal_targets t JOIN appeal_signals s USING (platform, appeal_id) JOIN appeal_topics tp USING (platform, appeal_id)
ANTI JOIN signal_written w USING (platform, appeal_id);

CREATE OR REPLACE TEMP TABLE signal_scope_appeals AS
WITH before AS (
  SELECT s.platform, s.appeal_id
  FROM appeal_signals s JOIN signal_runs r ON s.caller_hash = r.caller_hash AND s.topic_id = r.topic_id
  WHERE s.received_at BETWEEN r.received_at - to_days(CAST($repeat_days AS INTEGER) + 1) AND r.received_at
  UNION
  SELECT s.platform, s.appeal_id
  FROM appeal_signals s JOIN signal_runs r ON s.address_hash = r.address_hash AND s.topic_id = r.topic_id
  WHERE s.received_at BETWEEN r.received_at - to_days(CAST($repeat_days AS INTEGER) + 1) AND r.received_at
),
unread AS (
  SELECT platform, appeal_id FROM signal_targets
  UNION
  SELECT platform, appeal_id FROM before
  EXCEPT
  SELECT platform, appeal_id FROM signal_written
)
-- the appeals written since, found as signal_written was (without reading older rows)
SELECT a.platform, a.appeal_id, a.received_at, a.district, a.caller_key, a.address, a.closed_at, a.is_police_matter,
  a.responded, a.resolved, a.satisfaction, a.handling_unit, a.title, a.content, a.reply, a.appeal_type,
  true AS target, false AS cue_known, NULL::VARCHAR AS known_cue
FROM appeals a WHERE import_id > getvariable('signals_import_id')
UNION
SELECT a.platform, a.appeal_id, a.received_at, a.district, a.caller_key, a.address, a.closed_at, a.is_police_matter,
  a.responded, a.resolved, a.satisfaction, a.handling_unit, a.title, a.content, a.reply, a.appeal_type,
  true, false, NULL
FROM appeals a WHERE loaded_at > getvariable('signals_loaded_at')
UNION ALL
-- the others, all but their text
SELECT a.platform, a.appeal_id, a.received_at, a.district, a.caller_key, a.address, a.closed_at, a.is_police_matter,
  a.responded, a.resolved, a.satisfaction, a.handling_unit, NULL, NULL, a.reply, a.appeal_type,
  t.appeal_id IS NOT NULL, true, s.text_cue
FROM appeals a
SEMI JOIN unread USING (platform, appeal_id)
LEFT JOIN signal_targets t USING (platform, appeal_id)
LEFT JOIN appeal_signals s USING (platform, appeal_id);

CREATE OR REPLACE TEMP TABLE signal_scope_transfers AS
SELECT platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason
FROM transfers SEMI JOIN signal_targets USING (platform, appeal_id);

CREATE OR REPLACE TEMP VIEW signal_appeals AS SELECT * FROM signal_scope_appeals;
CREATE OR REPLACE TEMP VIEW signal_transfers AS SELECT * FROM signal_scope_transfers;

DELETE FROM transfer_facts f USING signal_targets t WHERE f.platform = t.platform AND f.appeal_id = t.appeal_id;
DELETE FROM appeal_signals s USING signal_targets t WHERE s.platform = t.platform AND s.appeal_id = t.appeal_id;
