-- Outcomes per group: exits, exits to work or studies, drop-outs, episodes assessed at least
-- twice and those with a net step up, episodes eligible for and with a joint plan within
-- :plan_days days of referral.
WITH o AS (${episode_outcomes})
SELECT grp,
       count(*)                              AS episodes,
       count(*) FILTER (WHERE exited)        AS exited,
       count(*) FILTER (WHERE positive)      AS positive,
       count(*) FILTER (WHERE dropout)       AS dropout,
       count(*) FILTER (WHERE two_plus)      AS two_plus,
       count(*) FILTER (WHERE step_up)       AS step_up,
       count(*) FILTER (WHERE plan_eligible) AS plan_eligible,
       count(*) FILTER (WHERE plan_within)   AS plan_within
FROM o
GROUP BY grp
ORDER BY grp
