package org.modhub.moderation.review.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.kit.inbox.InboundMailConsumer;
import org.modhub.moderation.review.domain.OwnerService;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Kafka adapter for {@code mail.inbound}: the mail that is this service's by its thread (contracts {@link MailRoutes}),
 * replies on {@code case:} threads, whatever mailbox they reached: the owner's answer to a request for changes. The kit's {@link InboundMailConsumer} skips other services' records and applies each mail once.
 */
@ApplicationScoped
public class MailInboundConsumer {

    /** The incoming channel, configured in application.properties. */
    public static final String CHANNEL = "mail-inbound";

    static final String CONSUMER = "review.mail-inbound";

    private final InboundMailConsumer mail;
    private final OwnerService owners;

    public MailInboundConsumer(InboundMailConsumer mail, OwnerService owners) {
        this.mail = mail;
        this.owners = owners;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMail(ConsumerRecord<String, String> record) {
        return mail.consume(CONSUMER, MailRoutes.Owner.REVIEW, record, owners::mailReply);
    }
}
