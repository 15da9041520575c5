-- Pairs (a, b) of distinct values of one free-text column that may be one value written differently:
-- the same in lower case and Unicode NFC, or, both 5 characters or longer, at most 2 edits apart
-- (Damerau-Levenshtein in lower case: Ludvika, ludvika, Ludvkia). ${values} is a query with a column
-- value. Shorter values are compared by case alone, since two edits turn one short name into another
-- (Mora, Mala). Beyond 1000 distinct values, more than any list of places, nothing is compared: the
-- pairs grow with the square (half a million at 1000), and a hostile file must not stall the import.
SELECT a.value AS a, b.value AS b
FROM (SELECT DISTINCT value FROM (${values}) WHERE value IS NOT NULL) a
JOIN (SELECT DISTINCT value FROM (${values}) WHERE value IS NOT NULL) b ON a.value < b.value
WHERE (SELECT count(DISTINCT value) FROM (${values})) <= 1000
  AND (lower(nfc_normalize(a.value)) = lower(nfc_normalize(b.value))
       OR (length(a.value) >= 5 AND length(b.value) >= 5
           AND damerau_levenshtein(lower(nfc_normalize(a.value)), lower(nfc_normalize(b.value))) <= 2))
