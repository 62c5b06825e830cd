package org.modhub.moderation.appeals.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.appeals.domain.LegalMailIntake;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}, keyed by the owning service ({@link MailRoutes}): records keyed
 * {@code appeals} are this service's whatever mailbox they arrived in (replies on decision, appeal and inquiry threads,
 * and legal@ mail on no thread); other services' records are skipped unread. The decoded mail is checked again, so a
 * record keyed wrongly never becomes an appeal. Each mail is applied once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";
    static final String CONSUMER = "appeals.mail-inbound";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final LegalMailIntake intake;

    public MailInboundConsumer(IdempotentConsumer consumer, EventCodec codec, LegalMailIntake intake) {
        this.consumer = consumer;
        this.codec = codec;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        if (!MailRoutes.Owner.APPEALS.key().equals(record.key())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(CONSUMER, record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
            InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
            if (!mail.isFor(MailRoutes.Owner.APPEALS)) {
                Log.warnf("Mail %s keyed for appeals belongs to %s; skipped", mail.messageId(),
                        mail.owner().map(MailRoutes.Owner::key).orElse("staff"));
                return Uni.createFrom().voidItem();
            }
            return intake.accept(mail);
        }));
    }
}
