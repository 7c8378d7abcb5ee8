-- The appeals behind agenda items, and their hand-overs: topics $topics (JSON array of ids), window
-- [$from, $to), optional $district; appeals that praise or thank are left out, as in the scores.
-- Temp tables the other agenda queries read, so the window is filtered and transfer_facts scanned once.
CREATE OR REPLACE TEMP TABLE agenda_appeals AS
SELECT s.* FROM appeal_signals s
WHERE s.topic_id IN (SELECT unnest(from_json($topics, '["INTEGER"]'))) AND NOT s.is_praise
  AND s.received_at >= CAST($from AS TIMESTAMPTZ) AND s.received_at < CAST($to AS TIMESTAMPTZ)
  AND ($district IS NULL OR s.district = $district);

CREATE OR REPLACE TEMP TABLE agenda_transfers AS
SELECT a.topic_id, a.owner_unit, a.owner_kind, a.resolved, f.*
FROM transfer_facts f JOIN agenda_appeals a USING (platform, appeal_id);
