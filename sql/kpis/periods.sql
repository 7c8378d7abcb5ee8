-- The period starts from $from to $to (exclusive) for $period, so counts can show 0 for empty periods.
SELECT strftime(p, '%Y-%m-%d') AS period
FROM unnest(generate_series(date_trunc($period, CAST($from AS DATE)), CAST($to AS DATE) - INTERVAL 1 DAY,
  period_step($period))) t(p)
ORDER BY p;
