SELECT count(*)::INTEGER AS n FROM plain;
