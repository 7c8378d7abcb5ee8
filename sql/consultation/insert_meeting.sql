-- A new meeting in draft, with its creation recorded in the status history.
INSERT INTO meetings (title, meeting_date, kind, convener, location, period_from, period_to, created_by)
VALUES ($title, CAST($date AS DATE), $kind, $convener, $location, CAST($period_from AS DATE), CAST($period_to AS DATE), $actor);
INSERT INTO meeting_status_history (meeting_id, from_status, to_status, changed_by)
VALUES (currval('meeting_id_seq'), NULL, 'draft', $actor);
SELECT currval('meeting_id_seq')::INTEGER AS meeting_id;
