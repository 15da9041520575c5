-- Per selected episode: the outcome indicators, with the case-mix strata (age band, gender).
-- exited: exit on or before :as_of; positive: exit to work or studies; dropout: exit as drop-out;
-- two_plus / step_up: assessed at least twice / latest step above entry step; plan_eligible:
-- accepted and referred at least :plan_days days before :as_of; plan_within: joint plan within
-- :plan_days days of referral. Shared as ${episode_outcomes}.
WITH ms AS (${episode_milestones}),
st AS (${episode_steps})
SELECT ms.grp, ms.arm, ms.episode_id, ms.exit_date, ms.age_band, COALESCE(ms.gender, 'unknown') AS gender,
       ms.exit_date IS NOT NULL                                   AS exited,
       ms.exit_date IS NOT NULL AND ms.positive_exit              AS positive,
       ms.exit_date IS NOT NULL AND ms.destination = 'avbrott'    AS dropout,
       COALESCE(st.assessments >= 2, FALSE)                       AS two_plus,
       COALESCE(st.assessments >= 2 AND st.latest_step > st.entry_step, FALSE) AS step_up,
       ms.accepted IS NOT NULL AND ms.referral_date + :plan_days <= CAST(:as_of AS DATE) AS plan_eligible,
       ms.accepted IS NOT NULL AND ms.referral_date + :plan_days <= CAST(:as_of AS DATE)
         AND ms.plan_established IS NOT NULL
         AND datediff('day', ms.referral_date, ms.plan_established) <= :plan_days AS plan_within
FROM ms LEFT JOIN st ON st.episode_id = ms.episode_id
