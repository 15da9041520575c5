-- Dated context events (intake stops, reforms, the summer dip) that concern a programme and
-- municipality: those with the programme or municipality empty concern all. :programme and
-- :municipality may be NULL (any); they are the episodes' spellings, so compared ignoring case.
SELECT starts_on, ends_on, kind, label_sv, label_en
FROM context_events
WHERE (programme IS NULL OR programme = '' OR CAST(:programme AS VARCHAR) IS NULL OR lower(programme) = lower(:programme))
  AND (municipality IS NULL OR municipality = '' OR CAST(:municipality AS VARCHAR) IS NULL OR lower(municipality) = lower(:municipality))
  AND starts_on <= :as_of
ORDER BY starts_on, kind
