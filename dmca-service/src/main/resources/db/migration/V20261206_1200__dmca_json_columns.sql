-- dmca-service: the JSON text columns become what Hibernate maps by itself (issue 22): structured
-- values in jsonb, lists of plain values in text[]. Hibernate Reactive binds jsonb only as an object,
-- so the notice's structured lists go together in one object (elements) and the other lists are wrapped.

-- A JSON text array as a text[] in its order (ALTER ... USING takes no subquery, a function may hold one).
CREATE FUNCTION dmca_json_texts(j TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(e ORDER BY n), '{}') FROM jsonb_array_elements_text(j::jsonb) WITH ORDINALITY AS t(e, n)
$$;

ALTER TABLE dmca_notice ADD COLUMN elements JSONB;   -- {works: (ii), material: (iii) resolved, deficiencies}
UPDATE dmca_notice SET elements = jsonb_build_object('works', works::jsonb, 'material', material::jsonb,
                                                     'deficiencies', deficiencies::jsonb);
ALTER TABLE dmca_notice
    ALTER COLUMN elements SET NOT NULL,
    DROP COLUMN works,
    DROP COLUMN material,
    DROP COLUMN deficiencies,
    ALTER COLUMN subject_keys DROP DEFAULT,
    ALTER COLUMN subject_keys TYPE TEXT[] USING dmca_json_texts(subject_keys),
    ALTER COLUMN subject_keys SET DEFAULT '{}',
    ALTER COLUMN missing_elements DROP DEFAULT,
    ALTER COLUMN missing_elements TYPE TEXT[] USING dmca_json_texts(missing_elements),
    ALTER COLUMN missing_elements SET DEFAULT '{}';

ALTER TABLE dmca_takedown
    ALTER COLUMN subject_keys TYPE TEXT[] USING dmca_json_texts(subject_keys);

ALTER TABLE dmca_counter_notice
    ALTER COLUMN material TYPE JSONB USING jsonb_build_object('items', material::jsonb),   -- {items: [{url, subject, description}]}
    ALTER COLUMN court_action TYPE JSONB USING court_action::jsonb;

ALTER TABLE dmca_thread_mail
    ALTER COLUMN links DROP DEFAULT,
    ALTER COLUMN links TYPE TEXT[] USING dmca_json_texts(links),
    ALTER COLUMN links SET DEFAULT '{}',
    ALTER COLUMN attachments DROP DEFAULT,
    ALTER COLUMN attachments TYPE JSONB USING jsonb_build_object('items', attachments::jsonb),   -- {items: [{name, contentType, size}]}
    ALTER COLUMN attachments SET DEFAULT '{"items": []}';

DROP FUNCTION dmca_json_texts(TEXT);
