DROP TABLE IF EXISTS csv_reject_errors;
DROP TABLE IF EXISTS csv_reject_scans;
