-- Drops the agenda's working tables.
DROP TABLE IF EXISTS agenda_appeals;
DROP TABLE IF EXISTS agenda_transfers;
