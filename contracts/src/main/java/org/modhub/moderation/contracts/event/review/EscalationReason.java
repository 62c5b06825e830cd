package org.modhub.moderation.contracts.event.review;

/** Why a case moved up the queue. */
public enum EscalationReason {
    /** The owner did not make the requested changes by the deadline. */
    OWNER_DEADLINE_EXPIRED,
    /** The case waited longer than its severity allows. */
    SLA_BREACHED,
    /** A new report raised the case's severity. */
    SEVERITY_RAISED,
    /** A moderator escalated it by hand. */
    MANUAL,
    /**
     * The account reached the repeat-infringer threshold of the DMCA strike policy (17 U.S.C. 512(i)): the case
     * recommends terminating the account and links the strikes.
     */
    REPEAT_INFRINGER
}
