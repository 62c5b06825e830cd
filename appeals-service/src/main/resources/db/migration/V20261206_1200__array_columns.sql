-- Lists of plain values become PostgreSQL arrays, which Hibernate maps from a List by itself: no
-- hand-written JSON or comma-joining in the service. Existing rows are converted.

-- appeal.evidence_urls: a JSON array in text ('[]' when none) -> text[].
-- (A transform expression may not hold a subquery, hence the function for this migration only.)
CREATE FUNCTION appeals_json_texts(j TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(e ORDER BY n), '{}') FROM jsonb_array_elements_text(j::jsonb) WITH ORDINALITY AS t(e, n)
$$;
ALTER TABLE appeal
    ALTER COLUMN evidence_urls DROP DEFAULT,
    ALTER COLUMN evidence_urls TYPE TEXT[] USING appeals_json_texts(evidence_urls),
    ALTER COLUMN evidence_urls SET DEFAULT '{}';
DROP FUNCTION appeals_json_texts(TEXT);

-- appellant_sanction.unfounded_appeals: comma-joined appeal ids ('' when none) -> uuid[].
ALTER TABLE appellant_sanction
    ALTER COLUMN unfounded_appeals DROP DEFAULT,
    ALTER COLUMN unfounded_appeals TYPE UUID[] USING coalesce(string_to_array(nullif(unfounded_appeals, ''), ',')::UUID[], '{}'),
    ALTER COLUMN unfounded_appeals SET DEFAULT '{}';
