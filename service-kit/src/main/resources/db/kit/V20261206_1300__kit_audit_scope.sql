-- service-kit: an audit entry may name the record it belongs to (its scope), e.g. the case of a decision, so the whole
-- history of that record reads in one index range. Adding a column fires no row trigger: the log stays append-only.
ALTER TABLE kit_audit_log ADD COLUMN scope_id TEXT;
CREATE INDEX kit_audit_log_scope ON kit_audit_log (scope_id, id) WHERE scope_id IS NOT NULL;
