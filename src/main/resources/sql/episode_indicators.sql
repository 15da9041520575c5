-- Per selected episode: the outcome indicators that do not depend on :plan_days, with the
-- case-mix strata (age band, gender) and the dates the plan indicators need. Materialised once
-- and shared; ${episode_outcomes} adds the plan indicators for a given :plan_days on use.
WITH ms AS (${episode_milestones}),
st AS (${episode_steps})
SELECT ms.grp, ms.arm, ms.episode_id, ms.exit_date, ms.age_band, COALESCE(ms.gender, 'unknown') AS gender,
       ms.exit_date IS NOT NULL                                   AS exited,
       ms.exit_date IS NOT NULL AND ms.positive_exit              AS positive,
       ms.exit_date IS NOT NULL AND ms.destination = 'avbrott'    AS dropout,
       COALESCE(st.assessments >= 2, FALSE)                       AS two_plus,
       COALESCE(st.assessments >= 2 AND st.latest_step > st.entry_step, FALSE) AS step_up,
       ms.referral_date, ms.accepted IS NOT NULL AS accepted,
       datediff('day', ms.referral_date, ms.plan_established) AS days_to_plan
FROM ms LEFT JOIN st ON st.episode_id = ms.episode_id
