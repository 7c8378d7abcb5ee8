-- What an export holds, as temp views read by copy_partitioned / copy_whole (pipelines/export/).
-- The window ($from / $to: local dates, inclusive; NULL = open) picks appeals by local time of
-- receipt. Each appeal's district and local month of receipt (YYYY-MM) place it, its transfers, its
-- topic and its signals in the same partition, so an engine can work partition by partition.
SET VARIABLE export_from = $from::DATE;
SET VARIABLE export_to = $to::DATE;

CREATE OR REPLACE TEMP MACRO in_export_window(t) AS
  (getvariable('export_from') IS NULL OR t >= getvariable('export_from'))
  AND (getvariable('export_to') IS NULL OR t < getvariable('export_to') + INTERVAL 1 DAY);

CREATE OR REPLACE TEMP TABLE export_appeal_keys AS
SELECT platform, appeal_id, district, strftime(received_at, '%Y-%m') AS month
FROM appeals
WHERE in_export_window(received_at);

CREATE OR REPLACE TEMP VIEW export_appeals AS
SELECT a.*, k.month FROM appeals a JOIN export_appeal_keys k USING (platform, appeal_id);

-- Transfers follow their appeal; transfers of appeals never loaded are placed by local month sent,
-- with no district, and picked by the window on that time.
CREATE OR REPLACE TEMP VIEW export_transfers AS
SELECT t.*, k.district, k.month FROM transfers t JOIN export_appeal_keys k USING (platform, appeal_id)
UNION ALL BY NAME
SELECT t.*, NULL::VARCHAR AS district, strftime(t.sent_at, '%Y-%m') AS month
FROM transfers t ANTI JOIN appeals a USING (platform, appeal_id)
WHERE in_export_window(t.sent_at);

CREATE OR REPLACE TEMP VIEW export_appeal_topics AS
SELECT t.*, k.district, k.month FROM appeal_topics t JOIN export_appeal_keys k USING (platform, appeal_id);

CREATE OR REPLACE TEMP VIEW export_appeal_signals AS
SELECT s.*, k.month FROM appeal_signals s JOIN export_appeal_keys k USING (platform, appeal_id);

CREATE OR REPLACE TEMP VIEW export_units AS
SELECT name, kind, district, origin FROM units;

-- Labels may have been typed by a person: masked again, as documents are.
CREATE OR REPLACE TEMP VIEW export_topics AS
SELECT topic_id, mask_pii(label) AS label, status, size, mask_pii(auto_label) AS auto_label, label_source, merged_into, parent_topic
FROM topics;

CREATE OR REPLACE TEMP VIEW export_topic_terms AS
SELECT topic_id, rank, term, weight, share FROM topic_terms;
