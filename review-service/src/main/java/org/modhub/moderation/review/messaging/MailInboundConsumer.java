package org.modhub.moderation.review.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.review.domain.OwnerService;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}: a reply is routed by its thread, not by the mailbox it
 * arrived in. Records keyed {@code review} ({@link MailRoutes.Owner#REVIEW}: mail on a
 * {@code case:<id>} thread) are this service's, whichever of our addresses they were sent to; they
 * answer the owner request. Every other record is skipped by its key alone.
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
        if (!MailRoutes.Owner.REVIEW.key().equals(record.key()) || record.value() == null) {
            // Cheap skip: the gateway keys each record by the service that owns it.
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(CONSUMER, record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
            InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
            // The key said so; the thread decides (a record keyed by hand, or by an older gateway, is not trusted).
            return mail.isFor(MailRoutes.Owner.REVIEW) ? owners.mailReply(mail) : Uni.createFrom().voidItem();
        }));
    }
}
