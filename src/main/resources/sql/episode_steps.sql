-- Per selected episode with at least one step assessment on or before :as_of: number of
-- assessment dates, entry (first) and latest step on the default ladder (step_std), and whether
-- any consecutive pair of assessments moved up or down. Where one date has assessments on two
-- ladders, the default ladder's is used. Shared as ${episode_steps}.
WITH sel AS (${selection}),
one_a_day AS (
  SELECT s.grp, s.arm, s.episode_id, s.programme, s.municipality, t.assessed_on, t.step_std
  FROM step_assessments t JOIN sel s ON s.episode_id = t.episode_id
  WHERE t.assessed_on <= :as_of
  QUALIFY row_number() OVER (PARTITION BY t.episode_id, t.assessed_on
                             ORDER BY (t.ladder = 'stegvis-7') DESC, t.ladder) = 1
),
a AS (
  SELECT *, lag(step_std) OVER (PARTITION BY episode_id ORDER BY assessed_on) AS prev_step
  FROM one_a_day
)
SELECT grp, any_value(arm) AS arm, episode_id, any_value(programme) AS programme,
       any_value(municipality) AS municipality,
       count(*) AS assessments,
       arg_min(step_std, assessed_on) AS entry_step,
       arg_max(step_std, assessed_on) AS latest_step,
       min(assessed_on) AS first_assessed,
       max(assessed_on) AS last_assessed,
       COALESCE(bool_or(step_std > prev_step), FALSE) AS ever_up,
       COALESCE(bool_or(step_std < prev_step), FALSE) AS ever_down
FROM a
GROUP BY grp, episode_id
