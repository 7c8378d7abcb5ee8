-- The dispute signals raised by one appeal (sql/migrations/020_disputes.sql), when computed.
SELECT sig_functional_return, functional_returns, sig_redispatch_kind, sig_ping_pong, sig_three_party, sig_no_owner, sig_slow_accept,
  sig_many_kinds, sig_text_cue, text_cue, sig_repeat_caller, sig_repeat_address, signal_count, owner_unit, owner_kind,
  hours_to_first_accept, hours_to_owner
FROM appeal_signals
WHERE platform = $platform AND appeal_id = $appeal_id;
