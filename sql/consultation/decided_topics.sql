-- Topics that had a decision taking effect on or before $1 (any status since: even a revoked
-- decision acted on its topic for a while). Such topics cannot serve as undecided comparisons.
SELECT DISTINCT topic_id FROM decisions
WHERE topic_id IS NOT NULL AND effective_from <= CAST($1 AS DATE);
