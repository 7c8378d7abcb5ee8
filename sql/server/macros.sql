-- Session macros of the server (TEMP: created when the app starts, never stored in the file).

-- Whether unit u handled, received or passed on the appeal (p, id): the appeals a unit head may
-- read in full. Everything else reaches a unit head as counts only. The subquery depends on u only
-- (not on the row), so DuckDB runs it once and probes it, rather than once per appeal.
CREATE OR REPLACE TEMP MACRO unit_involved(p, id, handling, u) AS
  coalesce(handling = u, false)
  OR (p, id) IN (SELECT platform, appeal_id FROM transfers WHERE to_party = u OR from_party = u);

-- Whether an appeal's content or title holds q, ignoring case. Lower-casing every text costs five
-- times the search itself, and a q without cased letters (Chinese, digits: most searches) matches
-- the same either way, so it is looked for as typed. The test is on q alone: DuckDB settles it once
-- per query, not per row.
CREATE OR REPLACE TEMP MACRO text_has(content, title, q) AS
  CASE WHEN lower(q) = upper(q) THEN contains(content, q) OR contains(coalesce(title, ''), q)
  ELSE contains(lower(content), lower(q)) OR contains(lower(coalesce(title, '')), lower(q)) END;
