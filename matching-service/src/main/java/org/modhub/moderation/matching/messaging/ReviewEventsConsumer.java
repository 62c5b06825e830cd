package org.modhub.moderation.matching.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.matching.domain.DecisionBanking;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code review.events}, each event applied once: {@code DecisionTaken} banks removed content,
 * {@code DecisionReversed} withdraws it. Other types are not this service's concern; a message that cannot be
 * applied ends in {@code matching.dlq}; a hub outage is waited out.
 */
@ApplicationScoped
public class ReviewEventsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "review-events";

    static final String CONSUMER = "matching.review-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DecisionBanking banking;

    public ReviewEventsConsumer(IdempotentConsumer consumer, EventCodec codec, DecisionBanking banking) {
        this.consumer = consumer;
        this.codec = codec;
        this.banking = banking;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReviewEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        DecisionTaken.TYPE, envelope -> banking.taken(codec.data(envelope, DecisionTaken.class)),
                        DecisionReversed.TYPE,
                                envelope -> banking.reversed(codec.data(envelope, DecisionReversed.class))));
    }
}
