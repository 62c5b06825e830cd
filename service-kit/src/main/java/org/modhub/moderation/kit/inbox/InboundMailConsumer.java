package org.modhub.moderation.kit.inbox;

import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumer side of "a reply is routed by its thread": every service that takes inbound mail takes it here. A
 * {@code mail.inbound} record keyed for another service is skipped unread; one keyed for this service is applied once
 * (through {@link IdempotentConsumer}) only when the decoded mail is this service's by {@link MailRoutes} — the key is
 * the gateway's word, the thread and mailbox in the mail decide. Records keyed by mailbox, as the gateway keyed them
 * before it keyed by owner, are taken by that mailbox's intake service, so none in flight across the upgrade is lost.
 */
@ApplicationScoped
public class InboundMailConsumer {

    private final IdempotentConsumer consumer;
    private final EventCodec codec;

    public InboundMailConsumer(IdempotentConsumer consumer, EventCodec codec) {
        this.consumer = consumer;
        this.codec = codec;
    }

    /**
     * @param consumerName the processed-event log's consumer name, e.g. {@code dmca.mail-inbound}
     * @param owner the service consuming
     * @param handler applies a mail that is {@code owner}'s, in the consumer's transaction
     */
    public Uni<Void> consume(
            String consumerName,
            MailRoutes.Owner owner,
            ConsumerRecord<String, String> record,
            Function<InboundMailReceived, Uni<Void>> handler) {
        if (!isFor(owner, record.key()) || record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(
                consumerName, record.topic(), record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
                    InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
                    if (!mail.isFor(owner)) {
                        Log.warnf(
                                "Mail %s keyed for %s belongs to %s; skipped",
                                mail.messageId(),
                                owner.key(),
                                mail.owner().map(MailRoutes.Owner::key).orElse("staff"));
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(mail);
                }));
    }

    /** The owner's key, or a mailbox whose intake the owner is (the key of records from before the owner keys). */
    static boolean isFor(MailRoutes.Owner owner, String key) {
        return owner.key().equals(key)
                || MailRoutes.intakeOf(key).filter(owner::equals).isPresent();
    }
}
