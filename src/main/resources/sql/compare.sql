-- One rate per group and case-mix stratum (age band x gender): numerator ${numerator} among
-- denominator ${denominator}, both indicators of ${episode_outcomes}.
WITH o AS (${episode_outcomes})
SELECT grp, age_band, gender,
       count(*) FILTER (WHERE ${numerator}) AS events,
       count(*) FILTER (WHERE ${denominator}) AS n
FROM o
GROUP BY ALL
ORDER BY ALL
