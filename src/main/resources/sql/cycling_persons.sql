-- Persons of each group by the number of their episodes in that group.
WITH sel AS (${selection})
SELECT grp, episodes, count(*) AS persons
FROM (SELECT grp, person_id, count(*) AS episodes FROM sel GROUP BY ALL)
GROUP BY ALL
ORDER BY grp, episodes
