-- Hand-overs to unit $unit per month of sending in [$from, $to): received, accepted, returned.
SELECT strftime(date_trunc('month', sent_at), '%Y-%m') AS month,
  count(*)::INTEGER AS received,
  count(*) FILTER (WHERE outcome = 'accepted')::INTEGER AS accepted,
  count(*) FILTER (WHERE outcome = 'returned')::INTEGER AS returned
FROM transfer_facts
WHERE to_party = $unit AND sent_at >= CAST($from AS TIMESTAMPTZ) AND sent_at < CAST($to AS TIMESTAMPTZ)
GROUP BY ALL
ORDER BY month;
