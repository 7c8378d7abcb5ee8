-- The first staged rows as masked JSON objects, for the import preview.
SELECT mask_pii(to_json(s)::VARCHAR) AS row FROM staged s ORDER BY __row LIMIT 5;
