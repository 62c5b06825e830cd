-- service-kit: the append-only audit log every service keeps of the state changes people make (who, what, when,
-- on what). UPDATE, DELETE and TRUNCATE are refused by the database itself, so no code path can rewrite history.
CREATE TABLE kit_audit_log (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    subject_key TEXT,
    detail      TEXT
);
CREATE INDEX kit_audit_log_entity ON kit_audit_log (entity_id, id);
CREATE INDEX kit_audit_log_actor ON kit_audit_log (actor, id);

CREATE FUNCTION kit_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kit_audit_log is append-only';
END;
$$;
CREATE TRIGGER kit_audit_log_no_change BEFORE UPDATE OR DELETE ON kit_audit_log
    FOR EACH ROW EXECUTE FUNCTION kit_audit_log_append_only();
CREATE TRIGGER kit_audit_log_no_truncate BEFORE TRUNCATE ON kit_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION kit_audit_log_append_only();
