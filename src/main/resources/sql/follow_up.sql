-- Follow-up after exit per group and offset: exits due for follow-up (exit + offset on or
-- before :as_of), those with a status observed (not lost), and those in work or studies.
-- Offsets are those recorded in follow_ups. The follow-ups are joined to the exits (not the
-- exits times the offsets to the follow-ups), the smaller join.
WITH ms AS (${episode_milestones}),
offsets AS (SELECT DISTINCT offset_days FROM follow_ups),
exited AS (SELECT grp, episode_id, exit_date FROM ms WHERE exit_date IS NOT NULL),
due AS (
  SELECT x.grp, o.offset_days, count(*) AS due
  FROM exited x, offsets o
  WHERE x.exit_date + o.offset_days <= CAST(:as_of AS DATE)
  GROUP BY ALL
),
seen AS (
  SELECT x.grp, f.offset_days,
         count(*) FILTER (WHERE f.status <> 'lost') AS observed,
         count(*) FILTER (WHERE f.status IN ('arbete', 'studier')) AS positive
  FROM follow_ups f JOIN exited x ON x.episode_id = f.episode_id
  WHERE x.exit_date + f.offset_days <= CAST(:as_of AS DATE)
    AND (f.observed_on IS NULL OR f.observed_on <= CAST(:as_of AS DATE))
  GROUP BY ALL
)
SELECT d.grp, d.offset_days, d.due, COALESCE(s.observed, 0) AS observed, COALESCE(s.positive, 0) AS positive
FROM due d LEFT JOIN seen s ON s.grp = d.grp AND s.offset_days = d.offset_days
ORDER BY ALL
