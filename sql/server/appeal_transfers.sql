-- The transfer chain of one appeal, in order, with each hop's minutes to acceptance.
SELECT seq, from_party, to_party, method, strftime(sent_at, '%Y-%m-%d %H:%M') AS sent_at,
  strftime(accepted_at, '%Y-%m-%d %H:%M') AS accepted_at,
  round(epoch(accepted_at - sent_at) / 60.0, 1) AS accept_minutes, outcome, reason
FROM transfers
WHERE platform = $platform AND appeal_id = $appeal_id
ORDER BY seq;
