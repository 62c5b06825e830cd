package org.modhub.moderation.review.domain;

import org.modhub.moderation.kit.audit.AuditTrail;

/** This service's name in the kit's audit trail, whose entries are scoped by case. */
public final class Audit {

    /** The actor of changes the service makes by itself (timers, events of other services). */
    public static final String SYSTEM = AuditTrail.system("review-service");

    private Audit() {}
}
