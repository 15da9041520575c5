-- Per selected episode and instrument: the first rating before and the last rating after (on or
-- before :as_of), and whether the episode has exited (an after-rating is then due).
WITH ms AS (${episode_milestones})
SELECT ms.grp, r.instrument, r.episode_id,
       arg_min(r.score, r.rated_on) FILTER (WHERE r.timing = 'before') AS before,
       arg_max(r.score, r.rated_on) FILTER (WHERE r.timing = 'after') AS after,
       any_value(ms.exit_date IS NOT NULL) AS exited
FROM ratings r JOIN ms ON ms.episode_id = r.episode_id
WHERE r.rated_on <= CAST(:as_of AS DATE)
GROUP BY ALL
ORDER BY ms.grp, r.instrument
