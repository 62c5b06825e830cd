package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.OwnerService;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}: only replies to safety@ on a case thread
 * ({@code threadToken} {@code case:<id>}) are this service's; they answer the owner request.
 */
@ApplicationScoped
public class MailInboundConsumer {

    public static final String CHANNEL = "mail-inbound";
    static final String CONSUMER = "review.mail-inbound";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final OwnerService owners;

    public MailInboundConsumer(IdempotentConsumer consumer, EventCodec codec, OwnerService owners) {
        this.consumer = consumer;
        this.codec = codec;
        this.owners = owners;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        if (!Mailboxes.SAFETY.equals(record.key()) || record.value() == null || !record.value().contains("\"case:")) {
            // Cheap skip: other inboxes and mail not on a case thread are other services' business.
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(CONSUMER, record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
            InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
            return Mailboxes.SAFETY.equals(mail.mailbox()) ? owners.mailReply(mail) : Uni.createFrom().voidItem();
        }));
    }
}
