-- Applications of the selected episodes made on or before :as_of, with the days from application
-- to decision; one undecided on :as_of (or decided later) is pending and censored there.
WITH ms AS (${episode_milestones}),
a AS (
  SELECT ms.grp, a.benefit,
         a.decision <> 'pending' AND a.decided_on IS NOT NULL AND a.decided_on <= CAST(:as_of AS DATE) AS decided,
         a.applied_on, a.decided_on, a.decision
  FROM applications a JOIN ms ON ms.episode_id = a.episode_id
  WHERE a.applied_on <= CAST(:as_of AS DATE)
)
SELECT grp, benefit, CASE WHEN decided THEN decision ELSE 'pending' END AS decision,
       greatest(0, datediff('day', applied_on, CASE WHEN decided THEN decided_on ELSE CAST(:as_of AS DATE) END)) AS days
FROM a
ORDER BY grp, benefit
