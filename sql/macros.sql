-- Session macros (TEMP: recreated at every open, never stored in the file).
CREATE OR REPLACE TEMP MACRO nz(s) AS nullif(trim(s), '');
