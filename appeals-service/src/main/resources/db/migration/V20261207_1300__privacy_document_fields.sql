-- appeals-service: an access answer holds a copy of everything the services hold about a person (its items' fields).
-- Staff need it until the document is sent; after that only what was found and why stays as proof (retention rule
-- access-documents), and at once when the same person's erasure completes.
ALTER TABLE privacy_answer ADD COLUMN fields_removed_at TIMESTAMPTZ;

-- The SQL both paths use: the items without their fields.
CREATE FUNCTION privacy_items_without_fields(items JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(item - 'fields' ORDER BY n), '[]'::jsonb)
    FROM jsonb_array_elements(items) WITH ORDINALITY AS e(item, n)
$$;
