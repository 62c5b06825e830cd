package org.modhub.moderation.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records an inbound mail once per mailbox and Message-ID and, for ordinary mail, publishes {@code mail.inbound}
 * through the outbox in the same transaction: the event exists exactly when the record does, and a mail seen again
 * (the gateway died before moving it) publishes nothing new. Auto-replies are recorded and not passed on; delivery
 * reports mark the bounced delivery and suppress the address.
 */
@ApplicationScoped
public class InboundService {

    /** What became of one message. */
    public enum Outcome {
        PUBLISHED, DUPLICATE, AUTOMATED, BOUNCE
    }

    private final Outbox outbox;
    private final ThreadTokens threads;
    private final MailDeliveryRepository deliveries;
    private final Suppressions suppressions;
    private final Clock clock;

    public InboundService(Outbox outbox, ThreadTokens threads, MailDeliveryRepository deliveries, Suppressions suppressions,
            Clock clock) {
        this.outbox = outbox;
        this.threads = threads;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * @param mailbox the inbox name (safety, dmca, legal) or {@code bounces}
     * @param mailboxAddress its address, for finding the plus-address token
     */
    public Uni<Outcome> accept(String mailbox, String mailboxAddress, ParsedMail mail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String disposition = switch (mail.kind()) {
            case ORDINARY -> "PUBLISHED";
            case AUTO_REPLY -> "AUTOMATED";
            case DELIVERY_REPORT -> "BOUNCE";
        };
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO inbound_mail (id, mailbox, message_id, disposition, from_address, "
                        + "received_at) VALUES (:id, :mailbox, :mid, :d, :from, :now) ON CONFLICT (mailbox, message_id) DO NOTHING")
                        .setParameter("id", id).setParameter("mailbox", mailbox).setParameter("mid", mail.messageId())
                        .setParameter("d", disposition).setParameter("from", mail.from()).setParameter("now", now)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        Log.debugf("Mail %s in %s was handled before; nothing new", mail.messageId(), mailbox);
                        return Uni.createFrom().item(Outcome.DUPLICATE);
                    }
                    return switch (mail.kind()) {
                        case AUTO_REPLY -> {
                            Log.infof("Auto-reply %s in %s recorded, not passed on", mail.messageId(), mailbox);
                            yield Uni.createFrom().item(Outcome.AUTOMATED);
                        }
                        case DELIVERY_REPORT -> bounce(mail, now).replaceWith(Outcome.BOUNCE);
                        case ORDINARY -> publish(id, mailbox, mailboxAddress, mail, now).replaceWith(Outcome.PUBLISHED);
                    };
                }));
    }

    private Uni<Void> publish(UUID id, String mailbox, String mailboxAddress, ParsedMail mail, Instant now) {
        return threadOf(mailboxAddress, mail).chain(threadKey -> {
            List<MailAttachment> attachments = mail.attachments().stream()
                    .map(a -> new MailAttachment(a.name(), a.contentType(), a.size())).toList();
            InboundMailReceived event = new InboundMailReceived(mailbox, mail.messageId(), mail.inReplyTo(), mail.references(),
                    threadKey, mail.from(), mail.recipients(), mail.subjectLine(), mail.text(), now, attachments);
            return storeAttachments(id, mail)
                    .chain(() -> outbox.publish(Topics.MAIL_INBOUND, EventSources.NOTIFICATION_SERVICE, event))
                    .chain(envelope -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "UPDATE inbound_mail SET event_id = :e, thread_key = :t WHERE id = :id")
                            .setParameter("e", envelope.id()).setParameter("t", threadKey).setParameter("id", id).executeUpdate()))
                    .invoke(() -> Log.infof("Mail %s to %s published on mail.inbound (thread %s, %d attachments)",
                            mail.messageId(), mailbox, threadKey, attachments.size()))
                    .replaceWithVoid();
        });
    }

    /** The thread: a plus-address token we issued, else a reply to (or reference of) a mail we sent. */
    private Uni<String> threadOf(String mailboxAddress, ParsedMail mail) {
        String token = mail.recipients().stream().map(r -> ThreadTokens.tokenIn(r, mailboxAddress))
                .filter(t -> t != null).findFirst().orElse(null);
        return threads.threadOf(token).chain(byToken -> {
            if (byToken != null) {
                return Uni.createFrom().item(byToken);
            }
            List<String> ids = new ArrayList<>();
            if (mail.inReplyTo() != null) {
                ids.add(mail.inReplyTo());
            }
            ids.addAll(mail.references().reversed());
            return ids.isEmpty() ? Uni.createFrom().nullItem()
                    : deliveries.find("messageId in ?1", ids).list()
                            .map(found -> ids.stream()
                                    .flatMap(mid -> found.stream().filter(d -> d.messageId.equals(mid)))
                                    .map(d -> d.threadKey).findFirst().orElse(null));
        });
    }

    private Uni<Void> storeAttachments(UUID mailId, ParsedMail mail) {
        return Multi.createFrom().iterable(mail.attachments())
                .onItem().transformToUniAndConcatenate(a -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO inbound_attachment (id, mail_id, name, content_type, size, sha256, content, truncated) "
                                + "VALUES (:id, :mail, :name, :type, :size, :sha, :content, :truncated)")
                        .setParameter("id", UUID.randomUUID()).setParameter("mail", mailId).setParameter("name", a.name())
                        .setParameter("type", a.contentType()).setParameter("size", a.size()).setParameter("sha", a.sha256())
                        .setParameter("content", a.content() == null ? new byte[0] : a.content())
                        .setParameter("truncated", a.content() == null)
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> bounce(ParsedMail mail, Instant now) {
        ParsedMail.Bounce bounce = mail.bounce();
        if (bounce == null || bounce.failedRecipients().isEmpty()) {
            Log.infof("Delivery report %s without a permanent failure; nothing to suppress", mail.messageId());
            return Uni.createFrom().voidItem();
        }
        Uni<UUID> delivery = bounce.originalMessageId() == null ? Uni.createFrom().nullItem()
                : deliveries.findByMessageId(bounce.originalMessageId()).map(row -> {
                    if (row == null) {
                        return null;
                    }
                    if (bounce.failedRecipients().contains(row.recipient)) {
                        row.status = DeliveryStatus.BOUNCED;
                        row.lastError = "hard bounce reported by " + mail.from();
                        row.updatedAt = now;
                    }
                    return row.id;
                });
        return delivery.chain(deliveryId -> Multi.createFrom().iterable(bounce.failedRecipients())
                .onItem().transformToUniAndConcatenate(address -> suppressions.suppress(address,
                        "hard bounce reported by " + mail.from(), deliveryId, now))
                .collect().last().replaceWithVoid());
    }
}
