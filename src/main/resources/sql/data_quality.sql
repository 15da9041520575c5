-- Data quality of the selected episodes (referred on or before :as_of), per group, in one pass:
-- for each check (DataQualityMetric.Check) p_<check> problems out of t_<check>. Completeness counts missing values;
-- sequence checks count episodes with impossible or suspicious date orders; duplicates count
-- episodes beyond the first with the same person, programme and referral date; late
-- registrations count entry assessments more than :late_days days after the first meeting and
-- events dated after :as_of; near-duplicates count episodes whose municipality may be another of the
-- selection's written differently (sql/near_duplicates.sql, over ${values}), whatever their group.
WITH sel AS (${selection}),
nd AS (${near_duplicates}),
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
dup AS (
  SELECT person_id, programme, referral_date, min(episode_id) AS first_id
  FROM sel GROUP BY ALL HAVING count(*) > 1
),
ep AS (
  SELECT s.*, ev.first_meeting, ev.last_milestone, ev.first_event, ev.exit_event, ev.both_decisions,
         COALESCE(ev.after_as_of, 0) AS after_as_of, x.exit_date, x.income_source_at_exit, x.occupation_at_exit,
         sa.first_assessed, sa.last_assessed,
         dup.first_id IS NOT NULL AND s.episode_id <> dup.first_id AS duplicate,
         s.municipality IN (SELECT a FROM nd UNION ALL SELECT b FROM nd) AS near_duplicate
  FROM sel s
  LEFT JOIN ev ON ev.episode_id = s.episode_id
  LEFT JOIN exits x ON x.episode_id = s.episode_id
  LEFT JOIN sa ON sa.episode_id = s.episode_id
  LEFT JOIN dup ON dup.person_id = s.person_id AND dup.programme = s.programme AND dup.referral_date = s.referral_date
),
fu AS (
  SELECT s.grp, count(*) AS total, count(*) FILTER (WHERE f.observed_on IS NULL AND f.status <> 'lost') AS missing
  FROM follow_ups f JOIN sel s ON s.episode_id = f.episode_id GROUP BY s.grp
),
checks AS (
  SELECT grp,
    count(*) FILTER (WHERE birth_year IS NULL) AS p_birth_year, count(*) AS t_birth_year,
    count(*) FILTER (WHERE gender IS NULL) AS p_gender, count(*) AS t_gender,
    count(*) FILTER (WHERE born_abroad IS NULL) AS p_born_abroad, count(*) AS t_born_abroad,
    count(*) FILTER (WHERE education IS NULL) AS p_education, count(*) AS t_education,
    count(*) FILTER (WHERE income_source_at_entry IS NULL) AS p_income_source_at_entry, count(*) AS t_income_source_at_entry,
    count(*) FILTER (WHERE occupation_at_entry IS NULL) AS p_occupation_at_entry, count(*) AS t_occupation_at_entry,
    count(*) FILTER (WHERE consent IS NULL) AS p_consent, count(*) AS t_consent,
    count(*) FILTER (WHERE exit_date IS NOT NULL AND income_source_at_exit IS NULL) AS p_income_source_at_exit,
    count(exit_date) AS t_income_source_at_exit,
    count(*) FILTER (WHERE exit_date IS NOT NULL AND occupation_at_exit IS NULL) AS p_occupation_at_exit,
    count(exit_date) AS t_occupation_at_exit,
    count(*) FILTER (WHERE first_event < referral_date) AS p_event_before_referral, count(*) AS t_event_before_referral,
    count(*) FILTER (WHERE exit_date < referral_date) AS p_exit_before_referral, count(exit_date) AS t_exit_before_referral,
    count(*) FILTER (WHERE last_milestone > exit_date) AS p_milestone_after_exit, count(exit_date) AS t_milestone_after_exit,
    count(*) FILTER (WHERE last_assessed > exit_date) AS p_assessment_after_exit, count(exit_date) AS t_assessment_after_exit,
    count(*) FILTER (WHERE exit_date IS NOT NULL AND exit_event IS NULL) AS p_exit_without_exit_event,
    count(exit_date) AS t_exit_without_exit_event,
    count(*) FILTER (WHERE exit_event IS NOT NULL AND exit_date IS NULL) AS p_exit_event_without_exit,
    count(exit_event) AS t_exit_event_without_exit,
    count(*) FILTER (WHERE both_decisions) AS p_accepted_and_not_relevant, count(*) AS t_accepted_and_not_relevant,
    count(*) FILTER (WHERE first_meeting IS NOT NULL AND first_assessed IS NULL) AS p_met_without_assessment,
    count(first_meeting) AS t_met_without_assessment,
    count(*) FILTER (WHERE duplicate) AS p_duplicate_episode, count(*) AS t_duplicate_episode,
    count(*) FILTER (WHERE near_duplicate) AS p_near_duplicate, count(municipality) AS t_near_duplicate,
    count(*) FILTER (WHERE datediff('day', first_meeting, first_assessed) > :late_days) AS p_late_entry_assessment,
    count(*) FILTER (WHERE first_meeting IS NOT NULL AND first_assessed IS NOT NULL) AS t_late_entry_assessment,
    count(*) FILTER (WHERE after_as_of > 0) AS p_events_after_as_of, count(*) AS t_events_after_as_of
  FROM ep GROUP BY grp
)
SELECT checks.*, COALESCE(fu.missing, 0) AS p_observed_on, COALESCE(fu.total, 0) AS t_observed_on
FROM checks LEFT JOIN fu ON fu.grp = checks.grp
ORDER BY checks.grp
