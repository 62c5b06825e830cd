package org.modhub.moderation.dmca.domain;

import org.modhub.moderation.kit.audit.AuditTrail;

/** This service's names in the kit's audit trail: who acted when no person did, and the entity types. */
public final class Audit {

    /** The service's name in {@code system:<service>}. */
    public static final String SERVICE = "dmca-service";
    /** The actor of changes made by timers and by inbound mail. */
    public static final String SYSTEM = AuditTrail.system(SERVICE);

    public static final String NOTICE = "notice";
    public static final String TAKEDOWN = "takedown";
    public static final String COUNTER_NOTICE = "counter-notice";
    public static final String THREAD_MAIL = "thread-mail";

    private Audit() {}
}
