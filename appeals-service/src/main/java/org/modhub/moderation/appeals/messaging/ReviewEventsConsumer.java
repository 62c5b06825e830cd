package org.modhub.moderation.appeals.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.appeals.domain.DecisionCopies;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code review.events}: {@code DecisionTaken} and {@code DecisionReversed} update
 * the local copy of decisions, once each; other types are not this service's concern. A message
 * that cannot be applied ends in {@code appeals.dlq}.
 */
@ApplicationScoped
public class ReviewEventsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "review-events";
    static final String CONSUMER = "appeals.review-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DecisionCopies copies;

    public ReviewEventsConsumer(IdempotentConsumer consumer, EventCodec codec, DecisionCopies copies) {
        this.consumer = consumer;
        this.codec = codec;
        this.copies = copies;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value) {
        return consumer.consume(CONSUMER, value, Map.of(
                DecisionTaken.TYPE, envelope -> copies.taken(codec.data(envelope, DecisionTaken.class)),
                DecisionReversed.TYPE, envelope -> copies.reversed(codec.data(envelope, DecisionReversed.class))));
    }
}
