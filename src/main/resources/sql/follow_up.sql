-- Follow-up after exit per group and offset: exits due for follow-up (exit + offset on or
-- before :as_of), those with a status observed (not lost), and those in work or studies.
-- Offsets are those recorded in follow_ups.
WITH ms AS (${episode_milestones}),
offsets AS (SELECT DISTINCT offset_days FROM follow_ups),
due AS (
  SELECT ms.grp, ms.episode_id, o.offset_days
  FROM ms, offsets o
  WHERE ms.exit_date IS NOT NULL AND ms.exit_date + o.offset_days <= CAST(:as_of AS DATE)
)
SELECT d.grp, d.offset_days,
       count(*) AS due,
       count(f.status) FILTER (WHERE f.status <> 'lost') AS observed,
       count(*) FILTER (WHERE f.status IN ('arbete', 'studier')) AS positive
FROM due d
LEFT JOIN follow_ups f ON f.episode_id = d.episode_id AND f.offset_days = d.offset_days
                      AND (f.observed_on IS NULL OR f.observed_on <= CAST(:as_of AS DATE))
GROUP BY ALL
ORDER BY ALL
