-- Held meetings (every kind but phone calls) of the selected episodes per unit and calendar year,
-- and per partner the meetings it was present at (partner '' is the meetings in all).
WITH ms AS (${episode_milestones}),
m AS (
  SELECT ms.programme || '/' || ms.municipality AS unit, CAST(year(c.contact_date) AS VARCHAR) AS period,
         coalesce(c.partners, '') AS partners
  FROM contacts c JOIN ms ON ms.episode_id = c.episode_id
  WHERE c.status = 'held' AND c.kind <> 'phone' AND c.contact_date <= CAST(:as_of AS DATE)
)
SELECT unit, period, '' AS partner, count(*) AS meetings FROM m GROUP BY ALL
UNION ALL
SELECT unit, period, partner, count(*) AS meetings
FROM (SELECT unit, period, unnest(string_split(partners, '|')) AS partner FROM m WHERE partners <> '')
GROUP BY ALL
ORDER BY unit, period, partner
