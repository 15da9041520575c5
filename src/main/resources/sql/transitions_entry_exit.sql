-- Entry step against exit step (the latest assessment on or before :as_of) of episodes that
-- exited on or before :as_of and were assessed at least once, per group, over the full grid.
WITH st AS (${episode_steps}),
ms AS (${episode_milestones}),
pairs AS (
  SELECT st.grp, st.entry_step AS from_step, st.latest_step AS to_step, count(*) AS n
  FROM st JOIN ms ON ms.episode_id = st.episode_id
  WHERE ms.exit_date IS NOT NULL
  GROUP BY ALL
),
grid AS (
  SELECT g.grp, f.s AS from_step, t.s AS to_step
  FROM (SELECT DISTINCT grp FROM pairs) g, range(1, :max_step + 1) f(s), range(1, :max_step + 1) t(s)
)
SELECT grid.grp, grid.from_step, grid.to_step, COALESCE(pairs.n, 0) AS n
FROM grid LEFT JOIN pairs USING (grp, from_step, to_step)
ORDER BY grid.grp, grid.from_step, grid.to_step
