-- Every jurisdiction rule (decision in force on a topic), newest effective date first.
SELECT rule_id, decision_id, topic_id, topic_label, lead_unit, assisting_units, norm_text, deadline_days, scope_districts,
  strftime(effective_from, '%Y-%m-%d') AS effective_from, meeting_id, meeting_title,
  strftime(meeting_date, '%Y-%m-%d') AS meeting_date
FROM jurisdiction_rules
ORDER BY effective_from DESC, rule_id DESC;
