-- Per selected episode that reached the start milestone ${from} on or before :as_of: days to the
-- end milestone ${to}, or, if not reached, days to when the episode ended (exit, not relevant,
-- declined) or to :as_of, censored. out_of_order marks episodes whose end comes before the start
-- (left out of the estimate, counted). Only counts per distinct (group, arm, destination, days,
-- status) cross JDBC, coded as numbers: group_no numbers the groups in order (the label is read
-- once per group), arm_no 1 baseline, 2 comparison, 0 none; destination_no is the position in
-- ${destinations} (0 if not there); ended: the episode ended (exit, not relevant, declined) by :as_of.
-- Sorted by days within a group.
WITH ms AS (${episode_milestones}),
spans AS (
  SELECT grp, arm, destination, ${from} AS start_on, ${to} AS stop_on,
         COALESCE(end_date, CAST(:as_of AS DATE)) AS censor_on, end_date IS NOT NULL AS ended
  FROM ms
  WHERE ${from} IS NOT NULL
)
SELECT group_no, grp, arm_no, destination_no, days, event, out_of_order, ended, count(*) AS n
FROM (
  SELECT dense_rank() OVER (ORDER BY grp) AS group_no, grp,
         CASE arm WHEN 'baseline' THEN 1 WHEN 'comparison' THEN 2 ELSE 0 END AS arm_no,
         COALESCE(list_position(${destinations}, destination), 0) AS destination_no,
         CASE WHEN stop_on IS NOT NULL THEN datediff('day', start_on, stop_on)
              ELSE datediff('day', start_on, greatest(censor_on, start_on)) END AS days,
         stop_on IS NOT NULL AS event,
         COALESCE(stop_on < start_on, FALSE) AS out_of_order,
         ended
  FROM spans
)
GROUP BY ALL
ORDER BY group_no, days
