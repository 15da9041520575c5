-- Per selected episode: group, arm, the first date of each milestone on or before :as_of,
-- exit (exits table, else the exit event), whether the exit was positive (work or studies, as
-- codelists.json marks them), when the episode ended (exit, not relevant or declined) and where
-- it stands on :as_of. Shared by the other metric queries as ${episode_milestones}.
WITH sel AS (${selection}),
ev AS (
  SELECT v.episode_id,
         min(v.event_date) FILTER (WHERE v.event_type = 'decision_not_relevant') AS not_relevant,
         min(v.event_date) FILTER (WHERE v.event_type = 'declined')              AS declined,
         min(v.event_date) FILTER (WHERE v.event_type = 'decision_accepted')     AS accepted,
         min(v.event_date) FILTER (WHERE v.event_type = 'first_meeting')         AS first_meeting,
         min(v.event_date) FILTER (WHERE v.event_type = 'mapping_done')          AS mapping_done,
         min(v.event_date) FILTER (WHERE v.event_type = 'plan_established')      AS plan_established,
         min(v.event_date) FILTER (WHERE v.event_type = 'activity_start')        AS activity_start,
         min(v.event_date) FILTER (WHERE v.event_type = 'exit')                  AS exit_event
  FROM events v
  WHERE v.event_date <= :as_of AND v.episode_id IN (SELECT episode_id FROM sel)
  GROUP BY v.episode_id
),
joined AS (
  SELECT s.episode_id, s.person_id, s.programme, s.municipality, s.grp, s.arm, s.referral_date,
         s.birth_year, s.age_band, s.gender, s.income_source_at_entry,
         ev.not_relevant, ev.declined, ev.accepted, ev.first_meeting, ev.mapping_done,
         ev.plan_established, ev.activity_start,
         COALESCE(x.exit_date, ev.exit_event) AS exit_date,
         x.destination,
         COALESCE(x.destination IN ('arbete', 'studier'), FALSE) AS positive_exit
  FROM sel s
  LEFT JOIN ev ON ev.episode_id = s.episode_id
  LEFT JOIN exits x ON x.episode_id = s.episode_id AND x.exit_date <= :as_of
)
SELECT j.*,
       COALESCE(j.exit_date, least(j.not_relevant, j.declined)) AS end_date,
       CASE WHEN j.exit_date IS NOT NULL AND j.positive_exit THEN 'exited_positive'
            WHEN j.exit_date IS NOT NULL THEN 'exited_other'
            WHEN j.not_relevant IS NOT NULL THEN 'not_relevant'
            WHEN j.declined IS NOT NULL THEN 'declined'
            WHEN j.activity_start IS NOT NULL THEN 'in_activity'
            WHEN j.plan_established IS NOT NULL THEN 'planned'
            WHEN j.mapping_done IS NOT NULL THEN 'mapped'
            WHEN j.first_meeting IS NOT NULL THEN 'met'
            WHEN j.accepted IS NOT NULL THEN 'accepted'
            ELSE 'awaiting_decision' END AS status
FROM joined j
