-- Funnel per group: how many reached each milestone by :as_of, how many reached both a stage
-- and the one before it (for conversion), and where each episode stands on :as_of.
WITH ms AS (${episode_milestones})
SELECT grp,
       count(*)                   AS referred,
       count(not_relevant)        AS decision_not_relevant,
       count(declined)            AS declined,
       count(accepted)            AS decision_accepted,
       count(first_meeting)       AS first_meeting,
       count(mapping_done)        AS mapping_done,
       count(plan_established)    AS plan_established,
       count(activity_start)      AS activity_start,
       count(exit_date)           AS exit,
       count(*) FILTER (WHERE positive_exit AND exit_date IS NOT NULL) AS positive_exit,
       count(*) FILTER (WHERE accepted IS NOT NULL AND first_meeting IS NOT NULL)        AS both_first_meeting,
       count(*) FILTER (WHERE first_meeting IS NOT NULL AND mapping_done IS NOT NULL)    AS both_mapping_done,
       count(*) FILTER (WHERE mapping_done IS NOT NULL AND plan_established IS NOT NULL) AS both_plan_established,
       count(*) FILTER (WHERE plan_established IS NOT NULL AND activity_start IS NOT NULL) AS both_activity_start,
       count(*) FILTER (WHERE activity_start IS NOT NULL AND exit_date IS NOT NULL)      AS both_exit,
       count(*) FILTER (WHERE status = 'awaiting_decision') AS now_awaiting_decision,
       count(*) FILTER (WHERE status = 'not_relevant')      AS now_not_relevant,
       count(*) FILTER (WHERE status = 'declined')          AS now_declined,
       count(*) FILTER (WHERE status = 'accepted')          AS now_accepted,
       count(*) FILTER (WHERE status = 'met')               AS now_met,
       count(*) FILTER (WHERE status = 'mapped')            AS now_mapped,
       count(*) FILTER (WHERE status = 'planned')           AS now_planned,
       count(*) FILTER (WHERE status = 'in_activity')       AS now_in_activity,
       count(*) FILTER (WHERE status = 'exited_positive')   AS now_exited_positive,
       count(*) FILTER (WHERE status = 'exited_other')      AS now_exited_other
FROM ms
GROUP BY grp
ORDER BY grp
