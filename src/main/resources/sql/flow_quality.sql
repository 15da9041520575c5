-- Flow against quality per group and calendar quarter of exit: exits, mean staff FTE over the
-- quarter's months (months without staffing count as 0), exits to work or studies, and exited
-- episodes assessed at least twice with their net step ups.
WITH o AS (${episode_outcomes}),
ex AS (
  SELECT grp, strftime(exit_date, '%Y') || '-Q' || quarter(exit_date) AS quarter, positive, two_plus, step_up
  FROM o WHERE exited
),
staff AS (
  SELECT grp, strftime(month, '%Y') || '-Q' || quarter(month) AS quarter, sum(fte) / 3.0 AS fte
  FROM (${staffing}) s GROUP BY ALL
)
SELECT ex.grp, ex.quarter, count(*) AS exits, any_value(staff.fte) AS fte,
       count(*) FILTER (WHERE ex.positive) AS positive,
       count(*) FILTER (WHERE ex.two_plus) AS two_plus,
       count(*) FILTER (WHERE ex.step_up) AS step_up
FROM ex LEFT JOIN staff ON staff.grp = ex.grp AND staff.quarter = ex.quarter
GROUP BY ex.grp, ex.quarter
ORDER BY ex.grp, ex.quarter
