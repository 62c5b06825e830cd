package org.modhub.moderation.contracts;

import java.util.List;

/**
 * Kafka topic names. Each service publishes only to its own {@code <service>.events}; anyone may
 * ask for a mail on {@link #NOTIFICATION_REQUESTS}; the mail gateway publishes {@link #MAIL_INBOUND}.
 * Each consuming service owns one dead-letter topic, {@code <service>.dlq}, where a message it
 * could not process lands with the reason in its headers. Data subjects' requests travel on {@link #PRIVACY_REQUESTS}
 * and every service holding personal data answers on {@link #PRIVACY_ANSWERS}.
 */
public final class Topics {

    public static final String REPORTING_EVENTS = "reporting.events";
    public static final String REVIEW_EVENTS = "review.events";
    public static final String DMCA_EVENTS = "dmca.events";
    public static final String APPEALS_EVENTS = "appeals.events";
    public static final String MATCHING_EVENTS = "matching.events";
    public static final String NOTIFICATION_REQUESTS = "notifications.requests";
    public static final String MAIL_INBOUND = "mail.inbound";
    /** Data subjects' requests, published by appeals-service (which keeps the request ledger). */
    public static final String PRIVACY_REQUESTS = "privacy.requests";
    /** Each service's answer to a data subject's request, published by every service holding personal data. */
    public static final String PRIVACY_ANSWERS = "privacy.answers";

    public static final String REPORTING_DLQ = "reporting.dlq";
    public static final String REVIEW_DLQ = "review.dlq";
    public static final String DMCA_DLQ = "dmca.dlq";
    public static final String APPEALS_DLQ = "appeals.dlq";
    public static final String NOTIFICATION_DLQ = "notification.dlq";
    public static final String MATCHING_DLQ = "matching.dlq";

    /** Every domain and request topic, in the order the architecture lists them. */
    public static final List<String> EVENT_TOPICS = List.of(
            REPORTING_EVENTS,
            REVIEW_EVENTS,
            DMCA_EVENTS,
            APPEALS_EVENTS,
            MATCHING_EVENTS,
            NOTIFICATION_REQUESTS,
            MAIL_INBOUND,
            PRIVACY_REQUESTS,
            PRIVACY_ANSWERS);

    /** One dead-letter topic per consuming service. */
    public static final List<String> DEAD_LETTER_TOPICS =
            List.of(REPORTING_DLQ, REVIEW_DLQ, DMCA_DLQ, APPEALS_DLQ, NOTIFICATION_DLQ, MATCHING_DLQ);

    private Topics() {}
}
