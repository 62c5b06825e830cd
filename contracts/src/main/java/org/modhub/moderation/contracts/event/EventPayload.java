package org.modhub.moderation.contracts.event;

/**
 * The {@code data} of an event. Implementations are records registered in {@link EventTypes};
 * the methods here are not serialised (they are not bean getters).
 */
public interface EventPayload {

    /** The versioned CloudEvents {@code type}, e.g. {@code org.modhub.moderation.reporting.ReportFiled.v1}. */
    String eventType();

    /** The subject key for the CloudEvents {@code subject} attribute; null where the event has no single subject. */
    String subjectKey();

    /**
     * The Kafka record key (CloudEvents {@code partitionkey}): events with the same key stay in
     * order. The subject key by default, so everything about one subject is ordered.
     */
    default String partitionKey() {
        return subjectKey();
    }
}
