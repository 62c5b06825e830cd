package org.modhub.moderation.contracts.event;

/**
 * CloudEvents {@code source} values, one per producing service. A source names who emitted the
 * event; the type names what happened.
 */
public final class EventSources {

    public static final String REPORTING_SERVICE = "/modhub/moderation/reporting-service";
    public static final String REVIEW_SERVICE = "/modhub/moderation/review-service";
    public static final String DMCA_SERVICE = "/modhub/moderation/dmca-service";
    public static final String APPEALS_SERVICE = "/modhub/moderation/appeals-service";
    public static final String MATCHING_SERVICE = "/modhub/moderation/matching-service";
    public static final String NOTIFICATION_SERVICE = "/modhub/moderation/notification-service";

    private EventSources() {}
}
