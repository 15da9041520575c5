-- Per group and step of the default ladder (1..:max_step): episodes whose entry step and whose
-- latest step (on or before :as_of) is that step.
WITH st AS (${episode_steps}),
grid AS (SELECT g.grp, s.step FROM (SELECT DISTINCT grp FROM st) g, range(1, :max_step + 1) s(step)),
entry AS (SELECT grp, entry_step AS step, count(*) AS n FROM st GROUP BY ALL),
latest AS (SELECT grp, latest_step AS step, count(*) AS n FROM st GROUP BY ALL)
SELECT grid.grp, grid.step, COALESCE(entry.n, 0) AS n_entry, COALESCE(latest.n, 0) AS n_latest
FROM grid
LEFT JOIN entry ON entry.grp = grid.grp AND entry.step = grid.step
LEFT JOIN latest ON latest.grp = grid.grp AND latest.step = grid.step
ORDER BY grid.grp, grid.step
