-- Records a decision, then marks the earlier decisions in force it covers as superseded: same topic
-- (or the same item when there is no topic), and the new scope includes the old one (an empty
-- scope means every district). A narrower new decision leaves a wider old one in force for the rest.
INSERT INTO decisions (item_id, topic_id, lead_unit, assisting_units, norm_text, deadline_days, scope_districts, effective_from, recorded_by)
VALUES ($item_id, $topic_id, $lead_unit, CAST(CAST($assisting_units AS JSON) AS VARCHAR[]), $norm_text, $deadline_days,
  CAST(CAST($scope_districts AS JSON) AS VARCHAR[]), CAST($effective_from AS DATE), $actor);
UPDATE decisions SET status = 'superseded', superseded_by = currval('decision_id_seq')
WHERE status = 'in_force'
  AND decision_id <> currval('decision_id_seq')
  AND (topic_id = $topic_id OR ($topic_id IS NULL AND topic_id IS NULL AND item_id = $item_id))
  AND (len(CAST(CAST($scope_districts AS JSON) AS VARCHAR[])) = 0
       OR (len(scope_districts) > 0 AND list_has_all(CAST(CAST($scope_districts AS JSON) AS VARCHAR[]), scope_districts)));
SELECT currval('decision_id_seq')::INTEGER AS decision_id;
