-- The appeals whose rows in appeal_signals / transfer_facts may differ from a full rebuild now,
-- given the refresh recorded in signal_state and signal_units (same rules and thresholds), into
-- signal_targets; returns how many, and how many appeals there are. An appeal's rows depend on
--   its own row, its transfers and its topic          → changed: written since the last refresh, or
--                                                        its topic differs from the one its signals hold;
--   the units it was sent to or is owned by           → a unit whose kind or district changed;
--   the latest receipt of all (how long an appeal     → when that moved, the appeals nobody took yet within the
--     nobody accepted has waited)                        no-owner / slow-accept thresholds of it;
--   the appeal before it of the same caller (address) → up to $repeat_days after a changed appeal,
--     and topic                                          in the runs it is in now and was in before.
-- appeal_signals holds the topic, time and runs of every appeal that did not change.
-- Params: $no_owner_hours, $slow_accept_hours, $repeat_days.
SET VARIABLE signals_import_id = (SELECT import_id FROM signal_state);
SET VARIABLE signals_loaded_at = (SELECT loaded_at FROM signal_state);

-- Appeals written since: the newest rows, which these filters find without reading older ones.
CREATE OR REPLACE TEMP TABLE signal_written AS
SELECT platform, appeal_id, received_at, caller_key, nz(address) AS address FROM appeals WHERE import_id > getvariable('signals_import_id')
UNION
SELECT platform, appeal_id, received_at, caller_key, nz(address) FROM appeals WHERE loaded_at > getvariable('signals_loaded_at');

-- Whether a topic was assigned, moved or dropped for an appeal not written since (a curation, a
-- run, an assignment after the last refresh): each (appeal, topic, similarity) taken as one 64-bit
-- hash, the sums of the two sides differ. Usually they do not, and the row by row comparison below
-- is skipped.
SET VARIABLE signals_topics_moved = (
  SELECT (SELECT count(*) || ':' || coalesce(sum(hash(platform, appeal_id, topic_id, similarity)), 0)
          FROM appeal_topics ANTI JOIN signal_written USING (platform, appeal_id))
    IS DISTINCT FROM
         (SELECT count(*) || ':' || coalesce(sum(hash(platform, appeal_id, topic_id, topic_similarity)), 0)
          FROM appeal_signals ANTI JOIN signal_written USING (platform, appeal_id) WHERE topic_id IS NOT NULL)
);

CREATE OR REPLACE TEMP TABLE signal_changed AS
WITH topics_now AS (
  SELECT platform, appeal_id, hash(platform, appeal_id, topic_id, similarity) AS h FROM appeal_topics
  WHERE getvariable('signals_topics_moved')
),
topics_held AS (
  SELECT platform, appeal_id, hash(platform, appeal_id, topic_id, topic_similarity) AS h FROM appeal_signals
  WHERE getvariable('signals_topics_moved') AND topic_id IS NOT NULL
)
SELECT platform, appeal_id FROM signal_written
UNION
SELECT platform, appeal_id FROM topics_now ANTI JOIN topics_held USING (h)
UNION
SELECT platform, appeal_id FROM topics_held ANTI JOIN topics_now USING (h);

-- The runs (caller or address, and topic) the changed appeals are in now and were in before, with when.
CREATE OR REPLACE TEMP TABLE signal_moved AS
SELECT run_hash(w.caller_key) AS caller_hash, run_hash(w.address) AS address_hash, tp.topic_id, w.received_at
FROM signal_written w JOIN appeal_topics tp USING (platform, appeal_id)
UNION ALL
-- not written (a topic changed): the caller, address and time its signals hold, in its topic now
SELECT s.caller_hash, s.address_hash, tp.topic_id, s.received_at
FROM signal_changed c JOIN appeal_signals s USING (platform, appeal_id) JOIN appeal_topics tp USING (platform, appeal_id)
ANTI JOIN signal_written w USING (platform, appeal_id)
UNION ALL
SELECT s.caller_hash, s.address_hash, s.topic_id, s.received_at
FROM appeal_signals s SEMI JOIN signal_changed USING (platform, appeal_id)
WHERE s.topic_id IS NOT NULL;

CREATE OR REPLACE TEMP TABLE signal_targets AS
WITH changed_units AS (
  SELECT coalesce(u.name, o.name) AS name
  FROM units u FULL JOIN signal_units o ON o.name = u.name
  WHERE u.name IS NULL OR o.name IS NULL OR u.kind IS DISTINCT FROM o.kind OR u.district IS DISTINCT FROM o.district
),
handed AS (
  SELECT platform, appeal_id FROM transfers WHERE import_id > getvariable('signals_import_id')
  UNION
  SELECT platform, appeal_id FROM transfers WHERE loaded_at > getvariable('signals_loaded_at')
  UNION
  SELECT platform, appeal_id FROM transfers WHERE to_party IN (SELECT name FROM changed_units)
  UNION
  SELECT platform, appeal_id FROM appeal_signals WHERE owner_unit IN (SELECT name FROM changed_units)
),
ref AS (
  SELECT (SELECT max(received_at) FROM appeal_signals) AS before, (SELECT max(received_at) FROM appeals) AS now
),
-- without an owner's (a first) acceptance, no-owner (slow acceptance) compares the hours the appeal
-- has waited with a threshold; unless it closed, that is hours_between(received_at, latest receipt),
-- which grows with the latest receipt: only appeals within the threshold of the earlier one can flip
waiting AS (
  SELECT s.platform, s.appeal_id
  FROM appeal_signals s, ref
  WHERE ref.before IS DISTINCT FROM ref.now AND s.unit_dispatches > 0
    AND ((s.hours_to_owner IS NULL AND hours_between(s.received_at, least(ref.before, ref.now)) <= $no_owner_hours)
      OR (s.hours_to_first_accept IS NULL AND hours_between(s.received_at, least(ref.before, ref.now)) <= $slow_accept_hours))
),
-- the appeals that may have had, or now have, a changed one as their predecessor (a day more than
-- the flag looks, to be safe)
followers AS (
  SELECT s.platform, s.appeal_id
  FROM appeal_signals s JOIN signal_moved m ON s.caller_hash = m.caller_hash AND s.topic_id = m.topic_id
  WHERE s.received_at BETWEEN m.received_at AND m.received_at + to_days(CAST($repeat_days AS INTEGER) + 1)
  UNION
  SELECT s.platform, s.appeal_id
  FROM appeal_signals s JOIN signal_moved m ON s.address_hash = m.address_hash AND s.topic_id = m.topic_id
  WHERE s.received_at BETWEEN m.received_at AND m.received_at + to_days(CAST($repeat_days AS INTEGER) + 1)
)
SELECT platform, appeal_id FROM signal_changed
UNION SELECT platform, appeal_id FROM handed
UNION SELECT platform, appeal_id FROM waiting
UNION SELECT platform, appeal_id FROM followers;

SELECT (SELECT count(*) FROM signal_targets)::INTEGER AS targets, (SELECT count(*) FROM appeals)::INTEGER AS appeals;
