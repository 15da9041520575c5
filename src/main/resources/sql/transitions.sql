-- Transitions between consecutive step assessments of an episode (ordered by date, on or before
-- :as_of), per group, over the full from x to grid of the default ladder (1..:max_step).
WITH a AS (${assessments}),
pairs AS (
  SELECT grp, prev_step AS from_step, step_std AS to_step, count(*) AS n
  FROM a WHERE prev_step IS NOT NULL GROUP BY ALL
),
grid AS (
  SELECT g.grp, f.s AS from_step, t.s AS to_step
  FROM (SELECT DISTINCT grp FROM pairs) g, range(1, :max_step + 1) f(s), range(1, :max_step + 1) t(s)
)
SELECT grid.grp, grid.from_step, grid.to_step, COALESCE(pairs.n, 0) AS n
FROM grid LEFT JOIN pairs USING (grp, from_step, to_step)
ORDER BY grid.grp, grid.from_step, grid.to_step
