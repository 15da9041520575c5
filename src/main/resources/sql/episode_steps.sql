-- Per selected episode with at least one step assessment on or before :as_of: number of
-- assessment dates, entry (first) and latest step on the default ladder, and whether any
-- consecutive pair of assessments moved up or down. Shared as ${episode_steps}.
WITH a AS (${assessments})
SELECT grp, any_value(arm) AS arm, episode_id,
       count(*) AS assessments,
       arg_min(step_std, assessed_on) AS entry_step,
       arg_max(step_std, assessed_on) AS latest_step,
       min(assessed_on) AS first_assessed,
       max(assessed_on) AS last_assessed,
       COALESCE(bool_or(step_std > prev_step), FALSE) AS ever_up,
       COALESCE(bool_or(step_std < prev_step), FALSE) AS ever_down
FROM a
GROUP BY grp, episode_id
