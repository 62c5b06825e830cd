package org.modhub.moderation.reporting.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.reporting.domain.DecisionOutcomes;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code review.events}: each event is applied once (the kit records its id in
 * the same transaction); {@code DecisionTaken} goes to {@link DecisionOutcomes}, other types are
 * not this service's concern. A message that cannot be applied ends in {@code reporting.dlq}.
 */
@ApplicationScoped
public class ReviewEventsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "review-events";
    /** The consumer's name in the processed-event log. */
    static final String CONSUMER = "reporting.review-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DecisionOutcomes outcomes;

    public ReviewEventsConsumer(IdempotentConsumer consumer, EventCodec codec, DecisionOutcomes outcomes) {
        this.consumer = consumer;
        this.codec = codec;
        this.outcomes = outcomes;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(DecisionTaken.TYPE, envelope -> outcomes.apply(codec.data(envelope, DecisionTaken.class))));
    }
}
