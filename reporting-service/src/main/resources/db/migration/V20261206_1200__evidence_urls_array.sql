-- Evidence links become a text[] column that Hibernate maps to a List<String> (they were a JSON array in text).
-- ALTER ... TYPE ... USING allows no subquery, so the links are copied through a new column.
ALTER TABLE report ADD COLUMN evidence_links TEXT[] NOT NULL DEFAULT '{}';
UPDATE report SET evidence_links = ARRAY(SELECT jsonb_array_elements_text(evidence_urls::jsonb))
    WHERE evidence_urls IS NOT NULL AND evidence_urls <> '' AND evidence_urls <> '[]';
ALTER TABLE report DROP COLUMN evidence_urls;
ALTER TABLE report RENAME COLUMN evidence_links TO evidence_urls;
