-- Time on each step per group: a spell runs from an assessment to the next assessment (completed)
-- or, for the last one, to exit or :as_of (open). Spells, completed spells, and mean and median
-- length in days of the completed ones.
WITH a AS (${assessments}),
ms AS (${episode_milestones}),
spells AS (
  SELECT a.grp, a.step_std AS step, a.next_on IS NOT NULL AS completed,
         datediff('day', a.assessed_on, COALESCE(a.next_on, ms.exit_date, CAST(:as_of AS DATE))) AS days
  FROM a JOIN ms ON ms.episode_id = a.episode_id
)
SELECT grp, step, count(*) AS spells, count(*) FILTER (WHERE completed) AS completed,
       avg(days) FILTER (WHERE completed) AS mean_days,
       median(days) FILTER (WHERE completed) AS median_days,
       sum(days) AS person_days
FROM spells
GROUP BY grp, step
ORDER BY grp, step
