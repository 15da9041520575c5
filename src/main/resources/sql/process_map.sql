-- The directly-follows graph of milestones. Per selected episode, its milestones (the first date of
-- each, on or before :as_of, from ${episode_milestones}) in date order, ties in the order of the
-- programme (referral, decision, ..., exit); each consecutive pair is one step from_event ->
-- to_event taking datediff days. An episode whose latest milestone is not an end (exit, not
-- relevant, declined) is still waiting there: to_event NULL, days to :as_of (censored). Each
-- episode's first milestone comes as a row with from_event NULL (days 0). Counts per distinct
-- (group, from, to, days) cross JDBC.
WITH ms AS (${episode_milestones}),
long AS (
  UNPIVOT (SELECT episode_id, grp, referral_date AS referral, accepted AS decision_accepted,
                  not_relevant AS decision_not_relevant, declined, first_meeting, mapping_done,
                  plan_established, activity_start, exit_date AS exit
           FROM ms)
  ON referral, decision_accepted, decision_not_relevant, declined, first_meeting, mapping_done,
     plan_established, activity_start, exit
  INTO NAME event VALUE on_date
),
ordered AS (
  SELECT grp, event, on_date,
         lag(event) OVER w IS NULL AS is_first,
         lead(event) OVER w AS next_event,
         lead(on_date) OVER w AS next_date
  FROM long
  WINDOW w AS (PARTITION BY episode_id ORDER BY on_date, list_position(
    ['referral', 'decision_accepted', 'decision_not_relevant', 'declined', 'first_meeting', 'mapping_done',
     'plan_established', 'activity_start', 'exit'], event))
)
SELECT grp, event AS from_event, next_event AS to_event,
       datediff('day', on_date, COALESCE(next_date, CAST(:as_of AS DATE))) AS days,
       count(*) AS n
FROM ordered
WHERE next_event IS NOT NULL OR event NOT IN ('exit', 'decision_not_relevant', 'declined')
GROUP BY ALL
UNION ALL
SELECT grp, NULL, event, 0, count(*) FROM ordered WHERE is_first GROUP BY ALL
ORDER BY 1, 2 NULLS FIRST, 3 NULLS LAST, 4
