-- Units with their kind and district; $kind filters by kind, $unresolved keeps units without a kind.
-- Appeals: how many appeals were sent to the unit (a guide to which rows matter most).
SELECT u.name, u.kind, u.district, u.origin, coalesce(s.appeals, 0)::INTEGER AS appeals
FROM units u
LEFT JOIN (SELECT to_party AS name, count(DISTINCT (platform, appeal_id)) AS appeals FROM transfers GROUP BY 1) s USING (name)
WHERE ($kind IS NULL OR u.kind = $kind) AND (NOT $unresolved OR u.kind IS NULL)
ORDER BY u.kind NULLS FIRST, u.district NULLS FIRST, u.name;
