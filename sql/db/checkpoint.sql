-- Writes the write-ahead log into the database file (fails while another transaction is open).
CHECKPOINT;
