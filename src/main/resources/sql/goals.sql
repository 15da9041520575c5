-- Goal indicators of the selection: exits to work or studies within :within_days of referral among
-- episodes referred at least :within_days before :as_of, drop-outs among exits, a net step up among
-- those assessed twice, a joint plan within :within_days (as ${episode_outcomes}).
WITH ms AS (${episode_milestones}),
o AS (${episode_outcomes})
SELECT count(*) FILTER (WHERE ms.referral_date + :within_days <= CAST(:as_of AS DATE)) AS work_eligible,
       count(*) FILTER (WHERE ms.referral_date + :within_days <= CAST(:as_of AS DATE) AND ms.exit_date IS NOT NULL
                          AND ms.positive_exit AND datediff('day', ms.referral_date, ms.exit_date) <= :within_days) AS work_within,
       count(*) FILTER (WHERE o.exited) AS exited,
       count(*) FILTER (WHERE o.dropout) AS dropout,
       count(*) FILTER (WHERE o.two_plus) AS two_plus,
       count(*) FILTER (WHERE o.step_up) AS step_up,
       count(*) FILTER (WHERE o.plan_eligible) AS plan_eligible,
       count(*) FILTER (WHERE o.plan_within) AS plan_within,
       count(*) AS episodes
FROM ms JOIN o ON o.episode_id = ms.episode_id
