-- Flow per group and calendar month, from the month of the first referral in the selection to
-- the month of :as_of: inflow (referrals), exits, other ends (not relevant, declined), work in
-- progress at month end (open episodes), staff FTE (staffing of the group's programme and
-- municipality), mean days from referral to exit of that month's exits, and the summed days from
-- referral to end of all episodes ending that month (for the Little's-law check).
WITH ms AS (${episode_milestones}),
months AS (
  SELECT CAST(m AS DATE) AS month
  FROM (SELECT min(referral_date) AS first_referral FROM ms) b,
       generate_series(CAST(date_trunc('month', b.first_referral) AS TIMESTAMP),
                       CAST(date_trunc('month', CAST(:as_of AS DATE)) AS TIMESTAMP), INTERVAL 1 MONTH) t(m)
  WHERE b.first_referral IS NOT NULL
),
grid AS (SELECT g.grp, months.month FROM (SELECT DISTINCT grp FROM ms) g, months),
inflow AS (
  SELECT grp, CAST(date_trunc('month', referral_date) AS DATE) AS month, count(*) AS n FROM ms GROUP BY ALL
),
ends AS (
  SELECT grp, CAST(date_trunc('month', end_date) AS DATE) AS month,
         count(exit_date) AS exits,
         count(*) FILTER (WHERE exit_date IS NULL) AS other_ends,
         avg(datediff('day', referral_date, exit_date)) AS mean_days_to_exit,
         sum(datediff('day', referral_date, end_date)) AS days_to_end
  FROM ms WHERE end_date IS NOT NULL GROUP BY ALL
),
staff AS (SELECT grp, month, sum(fte) AS fte FROM (${staffing}) s GROUP BY ALL)
SELECT grid.grp, strftime(grid.month, '%Y-%m') AS month,
       COALESCE(inflow.n, 0) AS inflow,
       COALESCE(ends.exits, 0) AS exits,
       COALESCE(ends.other_ends, 0) AS other_ends,
       sum(COALESCE(inflow.n, 0) - COALESCE(ends.exits, 0) - COALESCE(ends.other_ends, 0))
           OVER (PARTITION BY grid.grp ORDER BY grid.month ROWS UNBOUNDED PRECEDING) AS wip,
       staff.fte,
       ends.mean_days_to_exit,
       COALESCE(ends.days_to_end, 0) AS days_to_end
FROM grid
LEFT JOIN inflow ON inflow.grp = grid.grp AND inflow.month = grid.month
LEFT JOIN ends ON ends.grp = grid.grp AND ends.month = grid.month
LEFT JOIN staff ON staff.grp = grid.grp AND staff.month = grid.month
ORDER BY grid.grp, grid.month
