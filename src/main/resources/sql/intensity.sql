-- Contacts of the enrolled episodes (accepted or met, not judged not relevant, not declined) per
-- group: time in the programme from the first meeting (else the acceptance) to exit or :as_of,
-- contacts on or before :as_of by status, open episodes and those idle (no held contact, or none
-- since the start, for :idle_days days or more on :as_of), and the days between held contacts.
WITH ms AS (${episode_milestones}),
enrolled AS (
  SELECT grp, episode_id, coalesce(first_meeting, accepted) AS start_date,
         coalesce(exit_date, CAST(:as_of AS DATE)) AS stop_date, exit_date IS NULL AS open
  FROM ms
  WHERE coalesce(first_meeting, accepted) IS NOT NULL AND not_relevant IS NULL AND declined IS NULL
),
c AS (
  SELECT c.episode_id, c.contact_date, c.status
  FROM contacts c JOIN enrolled e ON e.episode_id = c.episode_id
  WHERE c.contact_date <= CAST(:as_of AS DATE)
),
per_episode AS (
  SELECT e.grp, e.episode_id, e.open, e.start_date,
         greatest(datediff('day', e.start_date, e.stop_date), 0) AS days,
         count(c.episode_id) AS contacts,
         count(*) FILTER (WHERE c.status = 'held') AS held,
         count(*) FILTER (WHERE c.status = 'cancelled') AS cancelled,
         count(*) FILTER (WHERE c.status = 'no_show') AS no_show,
         max(c.contact_date) FILTER (WHERE c.status = 'held') AS last_held
  FROM enrolled e LEFT JOIN c ON c.episode_id = e.episode_id
  GROUP BY ALL
),
gaps AS (
  SELECT e.grp, datediff('day', lag(c.contact_date) OVER (PARTITION BY c.episode_id ORDER BY c.contact_date), c.contact_date) AS gap
  FROM c JOIN enrolled e ON e.episode_id = c.episode_id
  WHERE c.status = 'held'
),
gap_stats AS (
  SELECT grp, median(gap) AS median_gap, quantile_cont(gap, 0.75) AS p75_gap
  FROM gaps WHERE gap IS NOT NULL GROUP BY grp
)
SELECT p.grp,
       count(*) AS episodes,
       sum(p.days) AS person_days,
       sum(p.contacts) AS contacts,
       sum(p.held) AS held,
       sum(p.cancelled) AS cancelled,
       sum(p.no_show) AS no_show,
       count(*) FILTER (WHERE p.open) AS open,
       count(*) FILTER (WHERE p.open AND datediff('day', coalesce(p.last_held, p.start_date), CAST(:as_of AS DATE)) >= :idle_days) AS idle,
       any_value(g.median_gap) AS median_gap,
       any_value(g.p75_gap) AS p75_gap
FROM per_episode p LEFT JOIN gap_stats g ON g.grp = p.grp
GROUP BY p.grp
ORDER BY p.grp
