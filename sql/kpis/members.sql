-- Every appeal- or transfer-level KPI's members: one row per counted appeal or transfer, with num (in
-- the numerator: 1/0, or 1 for counts), den (in the denominator: 1; NULL for counts) and measure
-- (minutes, for percentile KPIs). The definitions stand above each view in sql/kpis/<kpi>.sql.
-- kpi_count_members: counts and rates; kpi_percentile_members: percentiles of a measure;
-- kpi_members: both, for drill-down.
CREATE OR REPLACE TEMP VIEW kpi_count_members AS
SELECT * FROM kpi_transfers_110_to_12345
UNION ALL SELECT * FROM kpi_transfers_12345_to_110
UNION ALL SELECT * FROM kpi_non_police_diversion_rate
UNION ALL SELECT * FROM kpi_transfer_acceptance_rate
UNION ALL SELECT * FROM kpi_transfer_return_rate
UNION ALL SELECT * FROM kpi_dispatch_return_rate
UNION ALL SELECT * FROM kpi_functional_return_rate
UNION ALL SELECT * FROM kpi_territorial_misroute_rate
UNION ALL SELECT * FROM kpi_three_party_calls
UNION ALL SELECT * FROM kpi_emergency_linkages
UNION ALL SELECT * FROM kpi_response_rate
UNION ALL SELECT * FROM kpi_resolution_rate
UNION ALL SELECT * FROM kpi_satisfaction_rate
UNION ALL SELECT * FROM kpi_repeat_appeal_rate;

CREATE OR REPLACE TEMP VIEW kpi_percentile_members AS
SELECT * FROM kpi_transfer_accept_minutes
UNION ALL SELECT * FROM kpi_dispatch_accept_minutes;

CREATE OR REPLACE TEMP VIEW kpi_members AS
SELECT * FROM kpi_count_members
UNION ALL SELECT * FROM kpi_percentile_members;
