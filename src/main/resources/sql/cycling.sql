-- Per selected episode that ended on or before :as_of (exit, or judged not relevant, or declined):
-- the days to the same person's next referral in the store (any programme) on or before :as_of,
-- or to :as_of when there was none (censored).
WITH ms AS (${episode_milestones}),
nxt AS (
  SELECT ms.grp, ms.episode_id, ms.end_date, min(e.referral_date) AS next_referral
  FROM ms
  LEFT JOIN episodes e ON e.person_id = ms.person_id AND e.episode_id <> ms.episode_id
                      AND e.referral_date >= ms.end_date AND e.referral_date <= CAST(:as_of AS DATE)
  WHERE ms.end_date IS NOT NULL AND ms.end_date <= CAST(:as_of AS DATE)
  GROUP BY ALL
)
SELECT grp, next_referral IS NOT NULL AS reentered,
       datediff('day', end_date, coalesce(next_referral, CAST(:as_of AS DATE))) AS days
FROM nxt
ORDER BY grp
