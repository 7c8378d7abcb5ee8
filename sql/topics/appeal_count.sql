SELECT count(*)::INTEGER AS n FROM appeals;
