package org.modhub.moderation.kit.privacy;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code privacy.requests} in every service holding personal data (build property
 * {@code kit.privacy.enabled=true}, with the channel {@value #CHANNEL} configured in its application.properties): each
 * request is answered once by {@link PrivacyDesk}. A service that was down answers when it is back, from its
 * committed offset.
 */
@ApplicationScoped
@IfBuildProperty(name = "kit.privacy.enabled", stringValue = "true")
public class PrivacyRequestsConsumer {

    /** The incoming channel each service configures. */
    public static final String CHANNEL = "privacy-requests";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final PrivacyDesk desk;
    private final String name;

    public PrivacyRequestsConsumer(
            IdempotentConsumer consumer,
            EventCodec codec,
            PrivacyDesk desk,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.codec = codec;
        this.desk = desk;
        this.name = service + ".privacy-requests";
    }

    @Incoming(CHANNEL)
    public Uni<Void> onPrivacyRequest(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume(
                name,
                record.getTopic(),
                value,
                Map.of(PrivacyRequested.TYPE, envelope -> desk.answer(codec.data(envelope, PrivacyRequested.class))));
    }
}
