-- What the KPI rollups were built from, and what appeal_signals is built from now.
SELECT
  (SELECT value FROM settings WHERE key = 'kpi_rollup_of') AS built_of,
  (SELECT value FROM settings WHERE key = 'disputes_fingerprint') AS signals;
