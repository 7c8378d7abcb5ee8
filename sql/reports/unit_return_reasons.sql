-- Why unit $unit returned hand-overs sent in [$from, $to): the stated reason (masked) and the
-- return class, the 12 commonest.
SELECT mask_pii(coalesce(nz(t.reason), '（未说明）')) AS reason, coalesce(f.return_class, 'unclear') AS return_class, count(*)::INTEGER AS returns
FROM transfer_facts f
JOIN transfers t USING (platform, appeal_id, seq)
WHERE f.to_party = $unit AND f.outcome = 'returned'
  AND f.sent_at >= CAST($from AS TIMESTAMPTZ) AND f.sent_at < CAST($to AS TIMESTAMPTZ)
GROUP BY 1, 2
ORDER BY returns DESC, reason
LIMIT 12;
