-- Per selected episode: the outcome indicators, with the case-mix strata (age band, gender).
-- exited: exit on or before :as_of; positive: exit to work or studies; dropout: exit as drop-out;
-- two_plus / step_up: assessed at least twice / latest step above entry step; plan_eligible:
-- accepted and referred at least :plan_days days before :as_of; plan_within: joint plan within
-- :plan_days days of referral. Shared as ${episode_outcomes}, over the materialised
-- ${episode_indicators}, so that every :plan_days reads the same table.
SELECT i.* EXCLUDE (referral_date, accepted, days_to_plan),
       i.accepted AND i.referral_date + :plan_days <= CAST(:as_of AS DATE) AS plan_eligible,
       i.accepted AND i.referral_date + :plan_days <= CAST(:as_of AS DATE)
         AND COALESCE(i.days_to_plan <= :plan_days, FALSE) AS plan_within
FROM (${episode_indicators}) i
