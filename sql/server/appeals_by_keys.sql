-- Titles and snippets of the appeals named in $keys (a JSON list of {platform, appeal_id}), with
-- whether $scope_unit may read each in full (NULL scope: every one).
WITH k AS (
  SELECT unnest(from_json($keys::JSON, '[{"platform":"VARCHAR","appeal_id":"VARCHAR"}]'), recursive := true)
)
SELECT a.platform, a.appeal_id, a.title, left(a.content, 140) AS snippet, a.handling_unit,
  ($scope_unit::VARCHAR IS NULL OR unit_involved(a.platform, a.appeal_id, a.handling_unit, $scope_unit::VARCHAR)) AS in_scope
FROM appeals a
JOIN k ON k.platform = a.platform AND k.appeal_id = a.appeal_id;
