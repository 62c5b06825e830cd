package org.modhub.moderation.dmca.domain;

/** Where a takedown notice stands. */
public enum NoticeStatus {
    /** Lacks one or more 512(c)(3)(A) elements; its sender was asked to revise it. */
    INCOMPLETE,
    /** A revision replaced it. */
    SUPERSEDED,
    /** Complete; waits for legal review. */
    PENDING_REVIEW,
    /** Legal accepted it: takedowns were ordered. */
    ACCEPTED,
    /** Legal rejected it. */
    REJECTED
}
