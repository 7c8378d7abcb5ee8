-- A topic recomputed from its appeals after a curation. Its label follows the new automatic label
-- unless a person set it.
UPDATE topics SET size = $size, threshold = $threshold, auto_label = $auto_label,
       label = CASE WHEN label_source = 'curated' THEN label ELSE $auto_label END
WHERE topic_id = $id;
