package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.MatchIntake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code matching.events}: an upload recognised as removed content, or a model derived from a
 * removed one, opens (or joins) its subject's case, linked to the decision behind it. Keyed by subject, so one
 * subject's matches arrive in order; each event is applied once.
 */
@ApplicationScoped
public class MatchingEventsConsumer {

    public static final String CHANNEL = "matching-events";
    static final String CONSUMER = "review.matching-events";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final MatchIntake intake;

    public MatchingEventsConsumer(IdempotentConsumer consumer, EventCodec codec, MatchIntake intake) {
        this.consumer = consumer;
        this.codec = codec;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(
                        UploadMatched.TYPE, envelope -> intake.uploadMatched(codec.data(envelope, UploadMatched.class)),
                        DerivativeFound.TYPE,
                                envelope -> intake.derivativeFound(codec.data(envelope, DerivativeFound.class))));
    }
}
