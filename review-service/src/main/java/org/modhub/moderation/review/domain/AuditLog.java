package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.util.UUID;

import org.modhub.moderation.review.persistence.AuditEntryEntity;
import org.modhub.moderation.review.persistence.AuditEntryRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to the audit log in the caller's transaction: every state change, its actor and time. */
@ApplicationScoped
public class AuditLog {

    /** The actor of changes the service makes by itself (timers, events of other services). */
    public static final String SYSTEM = "system:review-service";

    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String action, String entityType, Object entityId, UUID caseId, String subjectKey,
            String detail) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.caseId = caseId;
        entry.subjectKey = subjectKey;
        entry.detail = detail;
        return entries.persist(entry).replaceWithVoid();
    }

    /** A change to a case. */
    public Uni<Void> onCase(String actor, String action, UUID caseId, String subjectKey, String detail) {
        return record(actor, action, "case", caseId, caseId, subjectKey, detail);
    }
}
