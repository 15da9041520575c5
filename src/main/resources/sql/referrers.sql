-- What happened to the people each referral source sent (the selection is grouped by referral
-- source, so grp is the source): counts per distinct (source, where the episode stands now, exit
-- destination, not-relevant reason, whether it was accepted, whether there was a first meeting).
-- A not-relevant decision without a recorded reason is 'unknown'.
WITH ms AS (${episode_milestones})
SELECT ms.grp, ms.status,
       CASE WHEN ms.exit_date IS NOT NULL THEN COALESCE(ms.destination, 'unknown') END AS destination,
       CASE WHEN ms.not_relevant IS NOT NULL THEN COALESCE(e.not_relevant_reason, 'unknown') END AS reason,
       ms.accepted IS NOT NULL AS accepted,
       ms.first_meeting IS NOT NULL AS met,
       count(*) AS n
FROM ms
JOIN episodes e ON e.episode_id = ms.episode_id
GROUP BY ALL
ORDER BY ALL
