-- Per step assessment on or before :as_of of a selected episode, one per date (where a date has
-- assessments on two ladders the default ladder's is kept), with the step before and the date of
-- the next assessment. step_std is the step on the default ladder. Shared as ${assessments}.
-- The two window passes sort only the narrow (episode, date, step) rows; the group and arm are
-- joined on after them (carrying them through the sorts cost more than the join), and the
-- selection is not materialised, so each use of it reads only the episode columns it needs.
WITH sel AS NOT MATERIALIZED (${selection}),
one_a_day AS (
  SELECT t.episode_id, t.assessed_on, t.step_std
  FROM step_assessments t
  WHERE t.assessed_on <= :as_of AND t.episode_id IN (SELECT episode_id FROM sel)
  QUALIFY row_number() OVER (PARTITION BY t.episode_id, t.assessed_on
                             ORDER BY (t.ladder = 'stegvis-7') DESC, t.ladder) = 1
),
sequenced AS (
  SELECT episode_id, assessed_on, step_std,
         lag(step_std)     OVER w AS prev_step,
         lead(assessed_on) OVER w AS next_on
  FROM one_a_day
  WINDOW w AS (PARTITION BY episode_id ORDER BY assessed_on)
)
SELECT s.grp, s.arm, a.*
FROM sequenced a JOIN sel s ON s.episode_id = a.episode_id
