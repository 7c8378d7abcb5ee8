-- Fills transfer_facts and appeal_signals for the appeals in scope, from appeals, transfers, units
-- and appeal_topics. The scope is set up beforehand (and their old rows deleted) by
-- signal_scope_all.sql (every appeal) or signal_scope_changed.sql (the appeals whose inputs changed):
--   signal_appeals   appeals, with `target` true for those to write rows for (the others are there
--                    only as the predecessors their repeat signals look for), and `cue_known` true
--                    when their text was not read because `known_cue` is what it gives;
--   signal_transfers the transfers of the target appeals.
-- Params: $territorial_re, $functional_re (return reasons), $text_re (appeal text cues), $praise_re
-- (appeal types that praise or thank),
-- $no_owner_hours, $slow_accept_hours, $many_kinds, $repeat_days (pipelines/disputes/rules/).
--
-- An appeal's functional-return signal also comes from its reply (appeals.reply), when the unit
-- answers in words what a return would say: 不属于我单位职责，建议转…办理.
--
-- Return classes — a returned dispatch to unit U (kind K) is
--   territorial  when its reason names the wrong district (属地不符 …), or, without a telling
--                reason, the appeal next went to another unit of the same kind K: a dispatch error;
--   functional   when its reason says another body's job (职能交叉, 不属于我单位职责 …), or, without
--                a telling reason, the unit that next received it (else the final owner) is of
--                another kind, or U itself got it back (the platform ruled it was U's job after all);
--   unclear      otherwise (no reason and nobody known to have handled it afterwards).
-- A territorial phrase wins over a functional one: the unit is describing a routing mistake.

-- The unit that finally owns each appeal: the handling unit the source names, else the last unit
-- that accepted a dispatch and kept it.
CREATE OR REPLACE TEMP TABLE dispute_owner AS
WITH last_accept AS (
  SELECT platform, appeal_id, arg_max(to_party, seq) AS unit
  FROM signal_transfers
  WHERE outcome = 'accepted' AND NOT is_platform_party(to_party)
  GROUP BY ALL
)
SELECT a.platform, a.appeal_id,
  coalesce(CASE WHEN NOT is_platform_party(nz(a.handling_unit)) THEN nz(a.handling_unit) END, l.unit) AS owner_unit
FROM signal_appeals a LEFT JOIN last_accept l USING (platform, appeal_id)
WHERE a.target;

INSERT INTO transfer_facts
WITH t AS (
  SELECT t.platform, t.appeal_id, t.seq, a.district, t.sent_at, t.accepted_at, t.from_party, t.to_party,
    t.method, t.outcome, t.reason, u.kind AS to_kind, u.district AS to_district,
    NOT is_platform_party(t.to_party) AS to_unit
  FROM signal_transfers t
  JOIN signal_appeals a USING (platform, appeal_id)
  LEFT JOIN units u ON u.name = t.to_party
  WHERE a.target
),
dispatches AS (
  SELECT platform, appeal_id, seq,
    lead(to_party) OVER w AS next_unit,
    lead(to_kind) OVER w AS next_kind
  FROM t WHERE to_unit
  WINDOW w AS (PARTITION BY platform, appeal_id ORDER BY seq)
)
SELECT t.platform, t.appeal_id, t.seq, t.district, t.sent_at, CAST(t.sent_at AS DATE), t.accepted_at, t.from_party, t.to_party, t.method, t.outcome,
  CASE
    WHEN t.from_party = '110' AND t.to_party = '12345' THEN '110→12345'
    WHEN t.from_party = '12345' AND t.to_party = '110' THEN '12345→110'
    WHEN is_emergency_party(t.to_party) OR is_emergency_party(t.from_party) THEN 'emergency'
    WHEN t.to_unit THEN 'dispatch'
    ELSE 'other'
  END AS link,
  CASE WHEN is_emergency_party(t.to_party) THEN t.to_party WHEN is_emergency_party(t.from_party) THEN t.from_party END AS emergency_party,
  t.to_kind, t.to_district,
  CASE WHEN t.accepted_at IS NOT NULL THEN (epoch(t.accepted_at) - epoch(t.sent_at)) / 60.0 END AS accept_minutes,
  CASE
    WHEN NOT t.to_unit OR t.outcome <> 'returned' THEN NULL
    WHEN regexp_matches(coalesce(t.reason, ''), $territorial_re) THEN 'territorial'
    WHEN regexp_matches(coalesce(t.reason, ''), $functional_re) THEN 'functional'
    WHEN d.next_unit = t.to_party THEN 'functional'
    WHEN t.to_kind IS NULL OR coalesce(d.next_kind, ou.kind) IS NULL THEN 'unclear'
    WHEN coalesce(d.next_kind, ou.kind) = t.to_kind THEN 'territorial'
    ELSE 'functional'
  END AS return_class
FROM t
LEFT JOIN dispatches d USING (platform, appeal_id, seq)
LEFT JOIN dispute_owner o USING (platform, appeal_id)
LEFT JOIN units ou ON ou.name = o.owner_unit;

INSERT INTO appeal_signals
WITH ref AS (SELECT max(received_at) AS ref_at FROM appeals),
-- the hand-overs of the target appeals (each has a dispute_owner row), and when the unit that kept
-- the appeal accepted it
per AS (
  SELECT platform, appeal_id,
    count(*) FILTER (WHERE link = 'dispatch') AS unit_dispatches,
    count(DISTINCT to_kind) FILTER (WHERE link = 'dispatch') AS unit_kinds,
    count(return_class) AS returns,
    count(*) FILTER (WHERE return_class = 'functional') AS functional_returns,
    count(*) FILTER (WHERE return_class = 'territorial') AS territorial_returns,
    count(*) FILTER (WHERE link IN ('110→12345', '12345→110')) AS platform_handovers,
    bool_or(link = '110→12345') AS to_12345,
    bool_or(link = '12345→110') AS to_110,
    bool_or(link IN ('110→12345', '12345→110') AND outcome = 'returned') AS platform_returned,
    bool_or(method = 'three_party_call' OR outcome = 'negotiated') AS three_party,
    min(accepted_at) FILTER (WHERE link = 'dispatch') AS first_accept_at,
    max(accepted_at) FILTER (WHERE link = 'dispatch' AND outcome = 'accepted' AND to_party = owner_unit) AS owner_accept_at
  FROM transfer_facts JOIN dispute_owner USING (platform, appeal_id)
  GROUP BY platform, appeal_id
),
base AS (
  SELECT a.platform, a.appeal_id, a.target, a.received_at, a.district, tp.topic_id, tp.similarity AS topic_similarity, a.caller_key, nz(a.address) AS address,
    a.closed_at, a.is_police_matter, a.responded, a.resolved, a.satisfaction,
    coalesce(p.unit_dispatches, 0) AS unit_dispatches, coalesce(p.unit_kinds, 0) AS unit_kinds,
    coalesce(p.returns, 0) AS returns, coalesce(p.functional_returns, 0) AS functional_returns,
    coalesce(p.territorial_returns, 0) AS territorial_returns, coalesce(p.platform_handovers, 0) AS platform_handovers,
    coalesce(p.to_12345, false) AS to_12345, coalesce(p.to_110, false) AS to_110,
    coalesce(p.platform_returned, false) AS platform_returned, coalesce(p.three_party, false) AS three_party,
    o.owner_unit, u.kind AS owner_kind,
    hours_between(a.received_at, p.first_accept_at) AS hours_to_first_accept,
    hours_between(a.received_at, p.owner_accept_at) AS hours_to_owner,
    -- how long an appeal nobody accepted has waited: until it closed, else until the latest receipt
    hours_between(a.received_at, coalesce(a.closed_at, ref.ref_at)) AS hours_waited,
    CASE WHEN a.cue_known THEN a.known_cue ELSE nullif(regexp_extract(coalesce(a.title, '') || ' ' || a.content, $text_re), '') END AS text_cue,
    -- the unit's reply says it is another body's job, as a functional return's reason would (a
    -- territorial phrase wins here too)
    coalesce(regexp_matches(a.reply, $functional_re) AND NOT regexp_matches(a.reply, $territorial_re), false) AS reply_functional,
    coalesce(regexp_matches(a.appeal_type, $praise_re), false) AS is_praise
  FROM signal_appeals a
  CROSS JOIN ref
  LEFT JOIN appeal_topics tp USING (platform, appeal_id)
  LEFT JOIN per p USING (platform, appeal_id)
  LEFT JOIN dispute_owner o USING (platform, appeal_id)
  LEFT JOIN units u ON u.name = o.owner_unit
),
repeats AS (
  SELECT *,
    CASE WHEN caller_key IS NOT NULL AND topic_id IS NOT NULL THEN
      lag(received_at) OVER (PARTITION BY caller_key, topic_id ORDER BY received_at, appeal_id) END AS prev_by_caller,
    CASE WHEN address IS NOT NULL AND topic_id IS NOT NULL THEN
      lag(received_at) OVER (PARTITION BY address, topic_id ORDER BY received_at, appeal_id) END AS prev_at_address
  FROM base
),
flags AS (
  SELECT *,
    functional_returns > 0 OR reply_functional AS sig_functional_return,
    unit_kinds >= 2 AS sig_redispatch_kind,
    (to_12345 AND to_110) OR platform_returned AS sig_ping_pong,
    three_party AS sig_three_party,
    unit_dispatches > 0 AND coalesce(hours_to_owner, hours_waited) > $no_owner_hours AS sig_no_owner,
    unit_dispatches > 0 AND coalesce(hours_to_first_accept, hours_waited) > $slow_accept_hours AS sig_slow_accept,
    unit_kinds >= $many_kinds AS sig_many_kinds,
    text_cue IS NOT NULL AS sig_text_cue,
    coalesce(received_at - prev_by_caller <= to_days(CAST($repeat_days AS INTEGER)), false) AS sig_repeat_caller,
    coalesce(received_at - prev_at_address <= to_days(CAST($repeat_days AS INTEGER)), false) AS sig_repeat_address
  FROM repeats
)
SELECT platform, appeal_id, received_at, CAST(received_at AS DATE), district, topic_id, topic_similarity,
  unit_dispatches, unit_kinds, returns, functional_returns, territorial_returns, platform_handovers,
  owner_unit, owner_kind, hours_to_first_accept, hours_to_owner,
  sig_functional_return, sig_redispatch_kind, sig_ping_pong, sig_three_party, sig_no_owner, sig_slow_accept,
  sig_many_kinds, sig_text_cue, text_cue, sig_repeat_caller, sig_repeat_address,
  (sig_functional_return::INTEGER + sig_redispatch_kind::INTEGER + sig_ping_pong::INTEGER + sig_three_party::INTEGER
    + sig_no_owner::INTEGER + sig_slow_accept::INTEGER + sig_many_kinds::INTEGER + sig_text_cue::INTEGER
    + (sig_repeat_caller OR sig_repeat_address)::INTEGER) AS signal_count,
  caller_key IS NOT NULL AS has_caller,
  is_police_matter,
  platform = '110' AND to_12345 AS diverted_to_12345,
  platform_handovers > 0 AS platform_transferred,
  responded, resolved, satisfaction,
  run_hash(caller_key) AS caller_hash,
  run_hash(address) AS address_hash,
  is_praise
FROM flags
WHERE target;

DROP TABLE dispute_owner;
DROP VIEW signal_appeals;
DROP VIEW signal_transfers;
