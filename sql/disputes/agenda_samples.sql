-- Sample candidates per agenda topic: the 40 appeals with at least one dispute signal that are closest
-- to the topic (similarity), then with the most signals, newest first on ties; texts are masked at
-- ingest. Candidates are chosen before the texts are read.
WITH candidates AS (
  SELECT * FROM agenda_appeals
  WHERE signal_count > 0
  QUALIFY row_number() OVER (PARTITION BY topic_id ORDER BY topic_similarity DESC NULLS LAST, signal_count DESC, received_at DESC, appeal_id) <= 40
)
SELECT c.topic_id, c.platform, c.appeal_id, strftime(c.received_at, '%Y-%m-%d %H:%M') AS received_at, c.district,
  p.title, p.content, c.signal_count, c.text_cue,
  list_filter([
    CASE WHEN c.sig_functional_return THEN 'functional_return' END,
    CASE WHEN c.sig_redispatch_kind THEN 'redispatch_kind' END,
    CASE WHEN c.sig_ping_pong THEN 'ping_pong' END,
    CASE WHEN c.sig_three_party THEN 'three_party' END,
    CASE WHEN c.sig_no_owner THEN 'no_owner' END,
    CASE WHEN c.sig_slow_accept THEN 'slow_accept' END,
    CASE WHEN c.sig_many_kinds THEN 'many_kinds' END,
    CASE WHEN c.sig_text_cue THEN 'text_cue' END,
    CASE WHEN c.sig_repeat_caller OR c.sig_repeat_address THEN 'repeat' END
  ], x -> x IS NOT NULL) AS signals
FROM candidates c
JOIN appeals p USING (platform, appeal_id)
ORDER BY c.topic_id, c.topic_similarity DESC NULLS LAST, c.signal_count DESC, c.received_at DESC, c.appeal_id;
