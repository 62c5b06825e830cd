package org.modhub.moderation.reporting.domain;

/** Where a report stands, as its notifier and the public view see it. */
public enum ReportStatus {
    /** Filed and passed to review. */
    RECEIVED,
    /** A mail to safety@ named no hub URL; the notifier was asked for the exact location. */
    AWAITING_LOCATION,
    /** A mail whose category could not be told from its words; staff choose one. */
    NEEDS_TRIAGE,
    /**
     * Recorded (and receipted) while its notifier was muted by staff; held back from review until
     * staff release it.
     */
    MUTED,
    /** Review decided on it; {@code outcome} says what was done. */
    DECIDED,
    /**
     * Its notifier withdrew it before a decision; review drops it from its case ({@code ReportWithdrawn}) and a later
     * decision on the subject neither counts it nor tells its notifier.
     */
    WITHDRAWN
}
