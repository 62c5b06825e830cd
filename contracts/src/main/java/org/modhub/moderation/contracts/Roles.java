package org.modhub.moderation.contracts;

import java.util.Set;

/** JWT group names (the {@code groups} claim) that the services' endpoints check. */
public final class Roles {

    /** A hub account: files reports, notices and appeals, reads its own. */
    public static final String USER = "user";
    /** Staff who review cases and decide. */
    public static final String MODERATOR = "moderator";
    /** Staff who approve severe decisions (the second pair of eyes). */
    public static final String SENIOR_MODERATOR = "senior-moderator";
    /** Staff who review DMCA notices and appeals. */
    public static final String LEGAL = "legal";
    /** Operators of the suite: trusted flaggers, configuration. */
    public static final String ADMIN = "admin";
    /** Read-only access to transparency exports and audit logs. */
    public static final String AUDITOR = "auditor";
    /** Automated detection systems that raise flags. */
    public static final String DETECTOR = "detector";

    /** The hub's own services: check every upload against the hash bank (matching-service). */
    public static final String HUB = "hub";

    /** Roles that may see staff views (reporter identity, internal notes). */
    public static final Set<String> STAFF = Set.of(MODERATOR, SENIOR_MODERATOR, LEGAL, ADMIN);

    public static final Set<String> ALL =
            Set.of(USER, MODERATOR, SENIOR_MODERATOR, LEGAL, ADMIN, AUDITOR, DETECTOR, HUB);

    private Roles() {}
}
