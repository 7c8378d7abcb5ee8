-- KPI non_police_diversion_rate — diversion rate of non-police incidents (非警务警情分流率).
--   Numerator:   110 incidents marked non-police that were handed to 12345 (any 110 → 12345 transfer).
--   Denominator: 110 incidents (platform '110') marked non-police (is_police_matter = false).
--   Time:        the incident's received_at.   District: the incident's district.
--   Exclusions:  incidents whose police/non-police flag is unknown (NULL).
CREATE OR REPLACE TEMP VIEW kpi_non_police_diversion_rate AS
SELECT 'non_police_diversion_rate' AS kpi, platform, appeal_id, NULL::INTEGER AS seq, received_at AS attributed_at, received_day AS attributed_day, district,
  NULL::VARCHAR AS breakdown, diverted_to_12345::INTEGER AS num, 1 AS den, NULL::DOUBLE AS measure
FROM appeal_signals WHERE platform = '110' AND is_police_matter = false;
