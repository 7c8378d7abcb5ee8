-- The newest import whose appeals the engine has seen (a run or an assignment saw every appeal
-- present then; it keeps that import's id in its params as coveredImport); -1 before any.
SELECT coalesce(max((params ->> 'coveredImport')::INTEGER), -1)::INTEGER AS covered
FROM topic_runs WHERE status = 'done';
