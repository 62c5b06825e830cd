package org.modhub.moderation.appeals.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.appeals.domain.DecisionCopies;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for what the local copy of decisions is built from, each event applied once: {@code review.events}
 * ({@code DecisionTaken}, {@code DecisionReversed}) and {@code reporting.events} ({@code ReportFiled}: who filed each
 * report, since a decision names only report ids; that is how a notifier is recognised as a party). Other types are
 * not this service's concern; a message that cannot be applied ends in {@code appeals.dlq}.
 */
@ApplicationScoped
public class DecisionEventsConsumer {

    /** The incoming channels, configured in application.properties. */
    public static final String REVIEW_CHANNEL = "review-events";

    public static final String REPORTING_CHANNEL = "reporting-events";
    static final String REVIEW_CONSUMER = "appeals.review-events";
    static final String REPORTING_CONSUMER = "appeals.reporting-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DecisionCopies copies;

    public DecisionEventsConsumer(IdempotentConsumer consumer, EventCodec codec, DecisionCopies copies) {
        this.consumer = consumer;
        this.codec = codec;
        this.copies = copies;
    }

    @Incoming(REVIEW_CHANNEL)
    public Uni<Void> onReviewEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                REVIEW_CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        DecisionTaken.TYPE, envelope -> copies.taken(codec.data(envelope, DecisionTaken.class)),
                        DecisionReversed.TYPE,
                                envelope -> copies.reversed(codec.data(envelope, DecisionReversed.class))));
    }

    @Incoming(REPORTING_CHANNEL)
    public Uni<Void> onReportingEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                REPORTING_CONSUMER,
                record.getTopic(),
                value,
                Map.of(ReportFiled.TYPE, envelope -> copies.reportFiled(codec.data(envelope, ReportFiled.class))));
    }
}
