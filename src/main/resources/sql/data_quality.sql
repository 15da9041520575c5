-- Data quality of the selected episodes (referred on or before :as_of), per group: one row per
-- check with the number of problems and what it is out of. Completeness counts missing values;
-- sequence checks count episodes with impossible or suspicious date orders; duplicates count
-- episodes beyond the first with the same person, programme and referral date; late
-- registrations count entry assessments more than :late_days days after the first meeting and
-- events dated after :as_of.
WITH sel AS (${selection}),
ev AS (
  SELECT v.episode_id,
         min(v.event_date) FILTER (WHERE v.event_type = 'first_meeting') AS first_meeting,
         max(v.event_date) FILTER (WHERE v.event_type IN ('first_meeting', 'mapping_done', 'plan_established', 'activity_start')) AS last_milestone,
         min(v.event_date) AS first_event,
         min(v.event_date) FILTER (WHERE v.event_type = 'exit') AS exit_event,
         bool_or(v.event_type = 'decision_accepted') AND bool_or(v.event_type = 'decision_not_relevant') AS both_decisions,
         count(*) FILTER (WHERE v.event_date > CAST(:as_of AS DATE)) AS after_as_of
  FROM events v WHERE v.episode_id IN (SELECT episode_id FROM sel) GROUP BY v.episode_id
),
sa AS (
  SELECT t.episode_id, min(t.assessed_on) AS first_assessed, max(t.assessed_on) AS last_assessed
  FROM step_assessments t WHERE t.episode_id IN (SELECT episode_id FROM sel) GROUP BY t.episode_id
),
ep AS MATERIALIZED (
  SELECT s.*, ev.first_meeting, ev.last_milestone, ev.first_event, ev.exit_event, ev.both_decisions,
         COALESCE(ev.after_as_of, 0) AS after_as_of, x.exit_date, x.income_source_at_exit, x.occupation_at_exit,
         sa.first_assessed, sa.last_assessed,
         row_number() OVER (PARTITION BY s.person_id, s.programme, s.referral_date ORDER BY s.episode_id) AS copy
  FROM sel s
  LEFT JOIN ev ON ev.episode_id = s.episode_id
  LEFT JOIN exits x ON x.episode_id = s.episode_id
  LEFT JOIN sa ON sa.episode_id = s.episode_id
),
fu AS (
  SELECT s.grp, count(*) AS total, count(*) FILTER (WHERE f.observed_on IS NULL AND f.status <> 'lost') AS missing
  FROM follow_ups f JOIN sel s ON s.episode_id = f.episode_id GROUP BY s.grp
),
checks AS (
  SELECT grp, 1 AS ord, 'completeness' AS kind, 'episodes' AS tbl, 'birth_year' AS col, count(*) FILTER (WHERE birth_year IS NULL) AS problems, count(*) AS total FROM ep GROUP BY grp
  UNION ALL SELECT grp, 2, 'completeness', 'episodes', 'gender', count(*) FILTER (WHERE gender IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 3, 'completeness', 'episodes', 'born_abroad', count(*) FILTER (WHERE born_abroad IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 4, 'completeness', 'episodes', 'education', count(*) FILTER (WHERE education IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 5, 'completeness', 'episodes', 'income_source_at_entry', count(*) FILTER (WHERE income_source_at_entry IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 6, 'completeness', 'episodes', 'occupation_at_entry', count(*) FILTER (WHERE occupation_at_entry IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 7, 'completeness', 'episodes', 'consent', count(*) FILTER (WHERE consent IS NULL), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 8, 'completeness', 'exits', 'income_source_at_exit', count(*) FILTER (WHERE income_source_at_exit IS NULL), count(*) FROM ep WHERE exit_date IS NOT NULL GROUP BY grp
  UNION ALL SELECT grp, 9, 'completeness', 'exits', 'occupation_at_exit', count(*) FILTER (WHERE occupation_at_exit IS NULL), count(*) FROM ep WHERE exit_date IS NOT NULL GROUP BY grp
  UNION ALL SELECT grp, 10, 'completeness', 'follow_ups', 'observed_on', missing, total FROM fu
  UNION ALL SELECT grp, 11, 'event_before_referral', 'events', 'event_date', count(*) FILTER (WHERE first_event < referral_date), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 12, 'exit_before_referral', 'exits', 'exit_date', count(*) FILTER (WHERE exit_date < referral_date), count(*) FILTER (WHERE exit_date IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 13, 'milestone_after_exit', 'events', 'event_date', count(*) FILTER (WHERE last_milestone > exit_date), count(*) FILTER (WHERE exit_date IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 14, 'assessment_after_exit', 'step_assessments', 'assessed_on', count(*) FILTER (WHERE last_assessed > exit_date), count(*) FILTER (WHERE exit_date IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 15, 'exit_without_exit_event', 'exits', 'episode_id', count(*) FILTER (WHERE exit_date IS NOT NULL AND exit_event IS NULL), count(*) FILTER (WHERE exit_date IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 16, 'exit_event_without_exit', 'events', 'event_type', count(*) FILTER (WHERE exit_event IS NOT NULL AND exit_date IS NULL), count(*) FILTER (WHERE exit_event IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 17, 'accepted_and_not_relevant', 'events', 'event_type', count(*) FILTER (WHERE both_decisions), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 18, 'met_without_assessment', 'step_assessments', 'episode_id', count(*) FILTER (WHERE first_meeting IS NOT NULL AND first_assessed IS NULL), count(*) FILTER (WHERE first_meeting IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 19, 'duplicate_episode', 'episodes', 'episode_id', count(*) FILTER (WHERE copy > 1), count(*) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 20, 'late_entry_assessment', 'step_assessments', 'assessed_on', count(*) FILTER (WHERE datediff('day', first_meeting, first_assessed) > :late_days), count(*) FILTER (WHERE first_meeting IS NOT NULL AND first_assessed IS NOT NULL) FROM ep GROUP BY grp
  UNION ALL SELECT grp, 21, 'events_after_as_of', 'events', 'event_date', count(*) FILTER (WHERE after_as_of > 0), count(*) FROM ep GROUP BY grp
)
SELECT grp, kind, tbl, col, problems, total FROM checks ORDER BY grp, ord
