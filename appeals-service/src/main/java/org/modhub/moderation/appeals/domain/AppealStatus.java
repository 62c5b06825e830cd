package org.modhub.moderation.appeals.domain;

/** The life of an appeal. */
public enum AppealStatus {
    /** Waiting for a reviewer (escalated once its due time passed, see {@code escalatedAt}). */
    OPEN,
    /** Decided: upheld, reversed or modified. */
    RESOLVED
}
