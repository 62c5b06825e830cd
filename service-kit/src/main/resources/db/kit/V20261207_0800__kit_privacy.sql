-- service-kit: personal data (issue 26).
-- The audit log stays append-only with one exception: an erasure (GDPR Art. 17) replaces a person's identifiers with
-- an anonymous reference, in a transaction that says so (SET LOCAL kit.audit_redaction = 'on'). Rows are never
-- deleted, so the log still adds up; DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION kit_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('kit.audit_redaction', true) = 'on'
            AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
            AND NEW.entity_type = OLD.entity_type THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'kit_audit_log is append-only';
END;
$$;

-- The retention job's daily run: one row per service database, claimed by the replica that runs it, so the run
-- survives restarts and two replicas never run it at once.
CREATE TABLE kit_retention_run (
    name         TEXT        PRIMARY KEY,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    removed      TEXT        NOT NULL DEFAULT '{}'      -- JSON object: kind -> items removed by the last finished run
);
INSERT INTO kit_retention_run (name) VALUES ('daily');
