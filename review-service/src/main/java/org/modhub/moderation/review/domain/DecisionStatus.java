package org.modhub.moderation.review.domain;

/** The life of a decision: only an ENFORCED one changes the ledger or is published. */
public enum DecisionStatus {
    /** Waits for a second, senior moderator. Nothing is enforced yet. */
    PENDING_APPROVAL,
    /** The senior moderator refused it; the case went back to the queue. */
    REJECTED,
    /** In effect: in the ledger and on {@code review.events}. */
    ENFORCED
}
