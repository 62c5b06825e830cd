package org.modhub.moderation.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.inbox.InboundMailConsumer;
import org.modhub.moderation.reporting.domain.SafetyMailIntake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}: the mail that is this service's by its thread (contracts {@link MailRoutes}),
 * replies on {@code report:} threads, whatever mailbox they reached, and safety@ mail on no thread: a reply adds to its report, a new mail is a report. The kit's {@link InboundMailConsumer} skips other services' records and applies each mail once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";

    static final String CONSUMER = "reporting.mail-inbound";

    private final InboundMailConsumer mail;
    private final SafetyMailIntake intake;
    private final EventCodec codec;

    public MailInboundConsumer(InboundMailConsumer mail, SafetyMailIntake intake, EventCodec codec) {
        this.mail = mail;
        this.intake = intake;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        return prefetch(record).chain(() -> mail.consume(CONSUMER, MailRoutes.Owner.REPORTING, record, intake::accept));
    }

    /**
     * The intake asks the hub about the content a mail names inside the consumer's transaction; asked here first, the
     * answers come from the directory's cache there, and no database connection waits on the hub.
     */
    private Uni<Void> prefetch(ConsumerRecord<String, String> record) {
        if (!MailRoutes.Owner.REPORTING.key().equals(record.key()) || record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        InboundMailReceived received;
        try {
            EventEnvelope envelope = codec.decode(record.value());
            if (!InboundMailReceived.TYPE.equals(envelope.type())) {
                return Uni.createFrom().voidItem();
            }
            received = codec.data(envelope, InboundMailReceived.class);
        } catch (RuntimeException unreadable) {
            // The kit's consumer decides what an unreadable record is; nothing to look up.
            return Uni.createFrom().voidItem();
        }
        return intake.prefetch(received);
    }
}
