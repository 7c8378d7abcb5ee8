-- Free text a user typed goes through the same masker as imported records.
SELECT mask_pii($1) AS masked;
