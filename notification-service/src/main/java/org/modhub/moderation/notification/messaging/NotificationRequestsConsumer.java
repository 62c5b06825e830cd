package org.modhub.moderation.notification.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.notification.domain.DeliveryService;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Kafka adapter for {@code notifications.requests}: each request is applied once (delivery log row), then sent by the sender. */
@ApplicationScoped
public class NotificationRequestsConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "notification-requests";

    static final String CONSUMER = "notification.requests";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DeliveryService deliveries;

    public NotificationRequestsConsumer(IdempotentConsumer consumer, EventCodec codec, DeliveryService deliveries) {
        this.consumer = consumer;
        this.codec = codec;
        this.deliveries = deliveries;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onRequest(ConsumerRecord<String, String> record) {
        return consumer.consume(
                CONSUMER,
                record.topic(),
                record.value(),
                Map.of(
                        NotificationRequested.TYPE,
                        envelope ->
                                deliveries.accept(envelope.id(), codec.data(envelope, NotificationRequested.class))));
    }
}
