package org.modhub.moderation.appeals.privacy.ledger;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code privacy.answers}: every part of every service's answer to a data subject's request is
 * stored in the ledger once. An answer to a request the ledger does not hold ends in {@code appeals.dlq}.
 */
@ApplicationScoped
public class PrivacyAnswersConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "privacy-answers";

    static final String CONSUMER = "appeals.privacy-answers";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final PrivacyLedger ledger;

    public PrivacyAnswersConsumer(IdempotentConsumer consumer, EventCodec codec, PrivacyLedger ledger) {
        this.consumer = consumer;
        this.codec = codec;
        this.ledger = ledger;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onPrivacyAnswer(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.getTopic(),
                value,
                Map.of(PrivacyAnswered.TYPE, envelope -> ledger.answered(codec.data(envelope, PrivacyAnswered.class))));
    }
}
