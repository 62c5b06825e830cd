package org.modhub.moderation.review.domain;

/** Where a case stands. Every state but {@link #CLOSED} counts as open (one open case per subject). */
public enum CaseState {
    /** In the queue, held by nobody. */
    OPEN,
    /** Held by one moderator (its assignee). */
    CLAIMED,
    /** The owner was asked to change the subject and has until the deadline. */
    AWAITING_OWNER,
    /** A decision waits for a second, senior moderator (four eyes). */
    PENDING_APPROVAL,
    /** Decided. */
    CLOSED
}
