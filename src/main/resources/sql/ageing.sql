-- Open episodes on :as_of (referred, not ended) per group by days since referral.
WITH ms AS (${episode_milestones})
SELECT grp,
       CASE WHEN d <= 90 THEN '0-90' WHEN d <= 180 THEN '91-180' WHEN d <= 365 THEN '181-365'
            WHEN d <= 730 THEN '366-730' ELSE '731-' END AS age_days,
       count(*) AS n
FROM (SELECT grp, datediff('day', referral_date, CAST(:as_of AS DATE)) AS d FROM ms WHERE end_date IS NULL)
GROUP BY ALL
