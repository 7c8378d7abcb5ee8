UPDATE meetings SET
  title = $title, meeting_date = CAST($date AS DATE), kind = $kind, convener = $convener, location = $location,
  period_from = CAST($period_from AS DATE), period_to = CAST($period_to AS DATE)
WHERE meeting_id = $meeting_id;
