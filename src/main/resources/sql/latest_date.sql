-- The latest date recorded in the store: the default as-of date.
SELECT greatest(
  (SELECT max(event_date) FROM events),
  (SELECT max(exit_date) FROM exits),
  (SELECT max(assessed_on) FROM step_assessments),
  (SELECT max(referral_date) FROM episodes))
