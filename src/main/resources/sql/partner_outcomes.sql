-- Per selected episode: its unit (programme/municipality) and referral year, the days from referral
-- to the first meeting (censored at the end of the episode or :as_of when not met), and whether it
-- was assessed twice and stepped up (as in ${episode_outcomes}).
WITH ms AS (${episode_milestones}),
o AS (${episode_outcomes})
SELECT ms.programme || '/' || ms.municipality AS unit, CAST(year(ms.referral_date) AS VARCHAR) AS period,
       ms.first_meeting IS NOT NULL AS met,
       greatest(0, datediff('day', ms.referral_date,
                coalesce(ms.first_meeting, least(coalesce(ms.end_date, CAST(:as_of AS DATE)), CAST(:as_of AS DATE))))) AS days,
       o.two_plus, o.step_up
FROM ms JOIN o ON o.episode_id = ms.episode_id
ORDER BY unit, period
