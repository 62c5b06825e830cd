package org.modhub.moderation.reporting.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.reporting.domain.SafetyMailIntake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}, keyed by the service that owns each mail (contracts {@link MailRoutes}): this
 * service takes the records keyed {@code reporting} — replies on {@code report:} threads, whatever mailbox they reached,
 * and safety@ mail on no thread of another service — and skips the others unread. The decoded mail is checked once more
 * ({@link InboundMailReceived#isFor}), so a mis-keyed record never becomes a report. Each mail is applied once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";
    static final String CONSUMER = "reporting.mail-inbound";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final SafetyMailIntake intake;

    public MailInboundConsumer(IdempotentConsumer consumer, EventCodec codec, SafetyMailIntake intake) {
        this.consumer = consumer;
        this.codec = codec;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        if (!isOurs(record.key())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(CONSUMER, record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
            InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
            return mail.isFor(MailRoutes.Owner.REPORTING) ? intake.accept(mail) : Uni.createFrom().voidItem();
        }));
    }

    /**
     * Records keyed {@code reporting}; also {@code safety}, the key the gateway gave safety@ mail before it keyed by
     * owner, so records in flight across the upgrade are not skipped (the owner check then decides).
     */
    static boolean isOurs(String key) {
        return MailRoutes.Owner.REPORTING.key().equals(key) || Mailboxes.SAFETY.equals(key);
    }
}
