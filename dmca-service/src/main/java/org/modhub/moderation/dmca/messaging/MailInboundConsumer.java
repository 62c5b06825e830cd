package org.modhub.moderation.dmca.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.dmca.domain.DmcaMailIntake;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}, keyed by owning service: records keyed {@code dmca} are this
 * service's whatever mailbox they arrived in (a reply on a {@code dmca_notice} or {@code dmca_takedown}
 * thread sent to safety@ or legal@, and un-threaded dmca@ mail); other keys are skipped unread. Each
 * mail is applied once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";
    static final String CONSUMER = "dmca.mail-inbound";

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final DmcaMailIntake intake;

    public MailInboundConsumer(IdempotentConsumer consumer, EventCodec codec, DmcaMailIntake intake) {
        this.consumer = consumer;
        this.codec = codec;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        if (!MailRoutes.Owner.DMCA.key().equals(record.key())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.consume(CONSUMER, record.value(), Map.of(InboundMailReceived.TYPE, envelope -> {
            InboundMailReceived mail = codec.data(envelope, InboundMailReceived.class);
            // The key is the gateway's word; the thread and mailbox in the mail decide.
            return mail.isFor(MailRoutes.Owner.DMCA) ? intake.accept(mail) : Uni.createFrom().voidItem();
        }));
    }
}
