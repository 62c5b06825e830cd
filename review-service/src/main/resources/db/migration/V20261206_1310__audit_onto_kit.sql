-- review-service: the audit log moves onto the kit's kit_audit_log (issue 22), each entry's case becoming its scope.
-- Entries keep their order and, as this service wrote nothing to kit_audit_log before, their ids (so auditors' cursors
-- stay valid); were there rows already, the copied ones would follow them.
INSERT INTO kit_audit_log (id, at, actor, action, entity_type, entity_id, scope_id, subject_key, detail)
SELECT id + (SELECT coalesce(max(id), 0) FROM kit_audit_log), at, actor, action, entity_type, entity_id, case_id::text,
       subject_key, detail
FROM audit_log ORDER BY id;
SELECT setval(pg_get_serial_sequence('kit_audit_log', 'id'), max(id)) FROM kit_audit_log HAVING max(id) IS NOT NULL;

DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
