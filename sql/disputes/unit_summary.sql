-- How many units there are, how many set by hand, and how many still lack a kind or a district.
SELECT count(*)::INTEGER AS units,
  count(*) FILTER (WHERE origin = 'manual')::INTEGER AS manual,
  count(*) FILTER (WHERE origin = 'inferred' AND kind IS NOT NULL)::INTEGER AS inferred_kind,
  count(*) FILTER (WHERE kind IS NULL)::INTEGER AS unknown_kind,
  count(*) FILTER (WHERE district IS NULL)::INTEGER AS no_district
FROM units;
