package org.modhub.moderation.kit.audit;

import java.time.Instant;

/**
 * One line of a service's audit log, as auditors read it.
 *
 * @param id its position in the log (ascending)
 * @param at when the change was committed
 * @param actor who made it: a staff account id, or {@code system:<service>} for timers and other services' events
 * @param action what was done, e.g. {@code NOTICE_ACCEPTED}
 * @param entityType the kind of record changed, e.g. {@code notice}
 * @param entityId the record's id
 * @param scopeId the record this change belongs to, e.g. a decision's case; null when it stands alone
 * @param subjectKey the moderated subject, where there is one
 * @param detail a short free text: a reason, the new value
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String entityType,
        String entityId,
        String scopeId,
        String subjectKey,
        String detail) {}
