package org.modhub.moderation.contracts.event.reporting;

/** How a report reached the hub. */
public enum ReportChannel {
    /** The in-platform Report button (a signed-in user). */
    IN_PLATFORM,
    /** A mail to the safety@ inbox. */
    EMAIL,
    /** An automated detector of the hub. */
    DETECTOR,
    /** Hub staff, e.g. from social media or another channel. */
    INTERNAL
}
