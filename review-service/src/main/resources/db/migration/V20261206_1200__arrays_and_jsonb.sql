-- Lists of plain values become arrays and the statement of reasons jsonb, so Hibernate maps them
-- (no JSON kept in text columns). Every existing value is a JSON array of strings, or NULL.
CREATE FUNCTION pg_temp.text_list(j text) RETURNS text[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(array_agg(x), '{}') FROM jsonb_array_elements_text(coalesce(j, '[]')::jsonb) AS x $$;

-- The check on manifestly unfounded decisions compares the actions; it is written anew for the array.
DO $$
DECLARE c text;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'decision'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%actions%' LOOP
        EXECUTE 'ALTER TABLE decision DROP CONSTRAINT ' || quote_ident(c);
    END LOOP;
END $$;

ALTER TABLE decision
    ALTER COLUMN actions TYPE text[] USING pg_temp.text_list(actions),
    ALTER COLUMN territorial_scope DROP DEFAULT,
    ALTER COLUMN territorial_scope TYPE text[] USING pg_temp.text_list(territorial_scope),
    ALTER COLUMN territorial_scope SET DEFAULT '{}',
    ALTER COLUMN report_ids DROP DEFAULT,
    ALTER COLUMN report_ids TYPE uuid[] USING pg_temp.text_list(report_ids)::uuid[],
    ALTER COLUMN report_ids SET DEFAULT '{}',
    ALTER COLUMN statement TYPE jsonb USING statement::jsonb,
    ADD CONSTRAINT decision_unfounded_no_action CHECK (NOT manifestly_unfounded OR actions = ARRAY['NO_ACTION']);

ALTER TABLE restriction
    ALTER COLUMN territorial_scope TYPE text[] USING pg_temp.text_list(territorial_scope);

ALTER TABLE case_report
    ALTER COLUMN evidence_urls DROP DEFAULT,
    ALTER COLUMN evidence_urls TYPE text[] USING pg_temp.text_list(evidence_urls),
    ALTER COLUMN evidence_urls SET DEFAULT '{}';
