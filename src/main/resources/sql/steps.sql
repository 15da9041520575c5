-- Step movement per group: episodes, episodes assessed, episodes assessed at least twice; mean
-- entry, latest and net step; net up / same / down (latest vs entry) and ever up / down (any
-- consecutive pair), among episodes assessed at least twice.
WITH st AS (${episode_steps}),
sel AS (${selection}),
episodes AS (SELECT grp, count(*) AS n_episodes FROM sel GROUP BY grp),
moves AS (
  SELECT grp,
         count(*)                                             AS n_assessed,
         count(*) FILTER (WHERE assessments >= 2)             AS n_two_plus,
         avg(entry_step)                                      AS mean_entry,
         avg(latest_step)                                     AS mean_latest,
         avg(latest_step - entry_step) FILTER (WHERE assessments >= 2) AS mean_net,
         count(*) FILTER (WHERE assessments >= 2 AND latest_step > entry_step) AS n_up,
         count(*) FILTER (WHERE assessments >= 2 AND latest_step = entry_step) AS n_same,
         count(*) FILTER (WHERE assessments >= 2 AND latest_step < entry_step) AS n_down,
         count(*) FILTER (WHERE assessments >= 2 AND ever_up)   AS n_ever_up,
         count(*) FILTER (WHERE assessments >= 2 AND ever_down) AS n_ever_down
  FROM st GROUP BY grp
)
SELECT e.grp, e.n_episodes,
       COALESCE(m.n_assessed, 0) AS n_assessed, COALESCE(m.n_two_plus, 0) AS n_two_plus,
       m.mean_entry, m.mean_latest, m.mean_net,
       COALESCE(m.n_up, 0) AS n_up, COALESCE(m.n_same, 0) AS n_same, COALESCE(m.n_down, 0) AS n_down,
       COALESCE(m.n_ever_up, 0) AS n_ever_up, COALESCE(m.n_ever_down, 0) AS n_ever_down
FROM episodes e LEFT JOIN moves m ON m.grp = e.grp
ORDER BY e.grp
