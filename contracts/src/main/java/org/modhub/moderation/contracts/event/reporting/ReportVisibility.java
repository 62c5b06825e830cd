package org.modhub.moderation.contracts.event.reporting;

/**
 * Whether the report is shown in the repository's public report list. The policy makes reports
 * about repositories public; reports about posts, comments and accounts go to staff only.
 */
public enum ReportVisibility {
    PUBLIC,
    PRIVATE
}
