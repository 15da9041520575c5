-- Per step assessment on or before :as_of of a selected episode, one per date (where a date has
-- assessments on two ladders the default ladder's is kept), with the step before and the date of
-- the next assessment. step_std is the step on the default ladder. Shared as ${assessments}.
WITH sel AS (${selection}),
one_a_day AS (
  SELECT s.grp, s.arm, s.episode_id, s.programme, s.municipality, t.assessed_on, t.step_std
  FROM step_assessments t JOIN sel s ON s.episode_id = t.episode_id
  WHERE t.assessed_on <= :as_of
  QUALIFY row_number() OVER (PARTITION BY t.episode_id, t.assessed_on
                             ORDER BY (t.ladder = 'stegvis-7') DESC, t.ladder) = 1
)
SELECT *,
       lag(step_std)     OVER w AS prev_step,
       lead(assessed_on) OVER w AS next_on
FROM one_a_day
WINDOW w AS (PARTITION BY episode_id ORDER BY assessed_on)
