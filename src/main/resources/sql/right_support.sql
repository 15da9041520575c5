-- Income sources per selected episode: at entry, at exit (exit on or before :as_of) and at each
-- follow-up offset due by :as_of (exit + offset). Several sources at one time (full or partial)
-- are joined with '+' in code order, so a combination is a state of its own.
WITH ms AS (${episode_milestones})
SELECT ms.grp, i.episode_id,
       CASE i.timing WHEN 'follow_up' THEN 'follow_up_' || i.offset_days ELSE i.timing END AS at,
       CASE i.timing WHEN 'entry' THEN -1 WHEN 'exit' THEN 0 ELSE i.offset_days END AS at_order,
       string_agg(i.source, '+' ORDER BY i.source) AS sources
FROM income_sources i
JOIN ms ON ms.episode_id = i.episode_id
WHERE i.timing = 'entry'
   OR (ms.exit_date IS NOT NULL AND ms.exit_date + CASE WHEN i.timing = 'exit' THEN 0 ELSE i.offset_days END <= CAST(:as_of AS DATE))
GROUP BY ALL
ORDER BY ms.grp, i.episode_id, at_order
