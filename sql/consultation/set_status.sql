-- Moves a meeting to its next status and records who did it.
UPDATE meetings SET status = $to WHERE meeting_id = $meeting_id;
INSERT INTO meeting_status_history (meeting_id, from_status, to_status, changed_by)
VALUES ($meeting_id, $from, $to, $actor);
