SELECT count(*)::INTEGER AS n FROM topics;
