-- One meeting, dates as ISO text.
SELECT meeting_id, title, strftime(meeting_date, '%Y-%m-%d') AS meeting_date, kind, status, convener, location,
  strftime(period_from, '%Y-%m-%d') AS period_from, strftime(period_to, '%Y-%m-%d') AS period_to,
  created_by, created_at
FROM meetings
WHERE meeting_id = $1;
