package org.modhub.moderation.appeals.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.appeals.domain.LegalMailIntake;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.kit.inbox.InboundMailConsumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}: the mail that is this service's by its thread (contracts {@link MailRoutes}),
 * replies on {@code decision:}, {@code outcome:}, {@code appeal:} and {@code inquiry:} threads, whatever mailbox they reached, and legal@ mail on no thread. The kit's {@link InboundMailConsumer} skips other services' records and applies each mail once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";

    static final String CONSUMER = "appeals.mail-inbound";

    private final InboundMailConsumer mail;
    private final LegalMailIntake intake;

    public MailInboundConsumer(InboundMailConsumer mail, LegalMailIntake intake) {
        this.mail = mail;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        return mail.consume(CONSUMER, MailRoutes.Owner.APPEALS, record, intake::accept);
    }
}
