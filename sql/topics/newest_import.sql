SELECT coalesce(max(import_id), 0)::INTEGER AS newest FROM appeals;
