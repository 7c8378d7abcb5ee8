-- Session macros of the server (TEMP: created when the app starts, never stored in the file).

-- Whether unit u handled, received or passed on the appeal (p, id): the appeals a unit head may
-- read in full. Everything else reaches a unit head as counts only. The subquery depends on u only
-- (not on the row), so DuckDB runs it once and probes it, rather than once per appeal.
CREATE OR REPLACE TEMP MACRO unit_involved(p, id, handling, u) AS
  coalesce(handling = u, false)
  OR (p, id) IN (SELECT platform, appeal_id FROM transfers WHERE to_party = u OR from_party = u);
