package org.modhub.moderation.reporting.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
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

    public MailInboundConsumer(InboundMailConsumer mail, SafetyMailIntake intake) {
        this.mail = mail;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        return mail.consume(CONSUMER, MailRoutes.Owner.REPORTING, record, intake::accept);
    }
}
