-- Staged CSV rows numbered by their row in the file when DuckDB rejected some: rowid follows file
-- order among the kept rows, so the rejected ones are counted back in — kept row k lies after the
-- j-th rejected row when k > (that row's data index − j).
CREATE OR REPLACE TEMP TABLE staged_steps AS
WITH rejected AS (
  SELECT source_row - getvariable('staged_header_row') AS d, row_number() OVER (ORDER BY source_row) AS j FROM staged_errors
)
SELECT d - j AS kept_before, max(j) AS j FROM rejected GROUP BY d - j;

CREATE OR REPLACE TEMP VIEW staged AS
SELECT (r.rowid + 1 + coalesce(s.j, 0) + getvariable('staged_header_row'))::INTEGER AS __row, r.*
FROM staged_raw r ASOF LEFT JOIN staged_steps s ON r.rowid + 1 > s.kept_before;
