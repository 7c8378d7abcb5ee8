INSERT OR REPLACE INTO settings (key, value) VALUES ('kpi_rollup_of', $1);
