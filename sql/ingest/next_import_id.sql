SELECT nextval('import_id_seq')::INTEGER AS import_id;
