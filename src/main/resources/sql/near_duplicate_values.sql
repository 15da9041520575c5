-- The selection's municipalities that may be another of them written differently (sql/near_duplicates.sql,
-- over ${values}), each with those others and its episodes.
WITH sel AS (${selection}),
nd AS (${near_duplicates}),
near AS (SELECT a AS value, b AS other FROM nd UNION ALL SELECT b, a FROM nd)
SELECT n.value, string_agg(n.other, ', ' ORDER BY n.other) AS near, any_value(e.episodes) AS episodes
FROM near n JOIN (SELECT municipality AS value, count(*) AS episodes FROM sel GROUP BY 1) e ON e.value = n.value
GROUP BY n.value
ORDER BY n.value
