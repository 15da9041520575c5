-- Hours each partner agreed and gave per unit (programme/municipality) and month, months up to :as_of,
-- for the selection's programmes and municipalities.
WITH h AS (${team_rows})
SELECT programme || '/' || municipality AS unit, partner, month, hours_agreed, hours_given
FROM h
WHERE month <= CAST(:as_of AS DATE)
ORDER BY unit, partner, month
