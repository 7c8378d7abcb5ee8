SELECT count(*)::INTEGER AS n FROM staged_errors;
