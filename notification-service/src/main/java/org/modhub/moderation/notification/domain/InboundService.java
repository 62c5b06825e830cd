package org.modhub.moderation.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records an inbound mail once per mailbox and Message-ID and decides where it goes. <b>A mail is routed by its
 * thread, not by the mailbox it arrived in</b> ({@link MailRoutes#route}): a mail on one of our threads, or on none in
 * a mailbox with an intake rule, is published on {@code mail.inbound} (keyed by its owning service) through the outbox
 * in the same transaction, so the event exists exactly when the record does; a mail nobody owns (feedback@, a reply to
 * one of our receipts) is kept for staff in {@code unmatched_mail} and its sender gets a {@code mail-received} receipt
 * threaded to their mail. A mail seen again (the gateway died before moving it) changes nothing. Auto-replies are
 * recorded and not passed on; delivery reports mark the bounced delivery and suppress the address. Mail the gateway
 * could not parse is recorded as quarantined, so it is never parsed again.
 */
@ApplicationScoped
public class InboundService {

    /** What became of one message. */
    public enum Outcome {
        PUBLISHED, KEPT_FOR_STAFF, DUPLICATE, AUTOMATED, BOUNCE, QUARANTINED
    }

    /** The thread kind of our receipts: a reply to one is kept for staff again, without a second receipt. */
    public static final String UNMATCHED_THREAD = "unmatched";
    /** Longest subject line kept for staff and quoted in the receipt. */
    static final int MAX_SUBJECT_CHARS = 500;

    private final Outbox outbox;
    private final ThreadTokens threads;
    private final MailDeliveryRepository deliveries;
    private final DeliveryService deliveryLog;
    private final Suppressions suppressions;
    private final Clock clock;
    /** Addresses that are ours (the sender, every mailbox): mail from them is never answered with a receipt. */
    private final Set<String> ownAddresses;

    public InboundService(Outbox outbox, ThreadTokens threads, MailDeliveryRepository deliveries, DeliveryService deliveryLog,
            Suppressions suppressions, Clock clock, NotificationConfig config) {
        this.outbox = outbox;
        this.threads = threads;
        this.deliveries = deliveries;
        this.deliveryLog = deliveryLog;
        this.suppressions = suppressions;
        this.clock = clock;
        Set<String> own = new HashSet<>();
        own.add(bare(config.outbound().from()));
        config.inbound().mailboxes().values().forEach(box -> own.add(bare(box.address())));
        config.inbound().bounces().ifPresent(box -> own.add(bare(box.address())));
        config.outbound().journal().address().ifPresent(address -> own.add(bare(address)));
        this.ownAddresses = Set.copyOf(own);
    }

    /** How a message was recorded before, or null when it is new to this mailbox: a recorded message is never parsed again. */
    public Uni<String> dispositionOf(String mailbox, String messageId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT disposition FROM inbound_mail WHERE mailbox = :mailbox AND message_id = :mid", String.class)
                .setParameter("mailbox", mailbox).setParameter("mid", messageId).getResultList()))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * Records a message that could not be parsed (or was too large, or too slow to parse) as quarantined, before it is
     * moved: should the move fail, the next poll finds the record and only moves it. Emits whether it was new.
     */
    public Uni<Boolean> quarantine(String mailbox, String messageId, String from, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String bounded = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO inbound_mail (id, mailbox, message_id, disposition, from_address, received_at, reason) "
                        + "VALUES (:id, :mailbox, :mid, 'QUARANTINED', :from, :now, :reason) ON CONFLICT (mailbox, message_id) DO NOTHING")
                .setParameter("id", UUID.randomUUID()).setParameter("mailbox", mailbox).setParameter("mid", messageId)
                .setParameter("from", from).setParameter("now", now).setParameter("reason", bounded)
                .executeUpdate()))
                .map(inserted -> inserted > 0);
    }

    /**
     * @param mailbox the inbox name (safety, dmca, legal, feedback) or {@code bounces}
     * @param mailboxAddress its address, for finding the plus-address token
     */
    public Uni<Outcome> accept(String mailbox, String mailboxAddress, ParsedMail mail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> {
            Uni<String> thread = mail.kind() == ParsedMail.Kind.ORDINARY ? threadOf(mailboxAddress, mail) : Uni.createFrom().nullItem();
            return thread.chain(threadKey -> {
                boolean owned = MailRoutes.route(mailbox, threadKey).isPresent();
                String disposition = switch (mail.kind()) {
                    case ORDINARY -> owned ? "PUBLISHED" : "KEPT_FOR_STAFF";
                    case AUTO_REPLY -> "AUTOMATED";
                    case DELIVERY_REPORT -> "BOUNCE";
                };
                return Panache.getSession()
                        .chain(s -> s.createNativeQuery("INSERT INTO inbound_mail (id, mailbox, message_id, disposition, "
                                + "from_address, received_at, thread_key) VALUES (:id, :mailbox, :mid, :d, :from, :now, :thread) "
                                + "ON CONFLICT (mailbox, message_id) DO NOTHING")
                                .setParameter("id", id).setParameter("mailbox", mailbox).setParameter("mid", mail.messageId())
                                .setParameter("d", disposition).setParameter("from", mail.from()).setParameter("now", now)
                                .setParameter("thread", threadKey)
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
                                case ORDINARY -> owned
                                        ? publish(id, mailbox, threadKey, mail, now).replaceWith(Outcome.PUBLISHED)
                                        : keepForStaff(id, mailbox, threadKey, mail, now).replaceWith(Outcome.KEPT_FOR_STAFF);
                            };
                        });
            });
        });
    }

    /**
     * Keeps a mail no service owns for staff, with its attachments as evidence ({@code inbound_attachment}: names,
     * types, sizes, hashes, and the bytes up to the limit), and tells its sender it arrived, unless
     * the sender is a machine (auto-replies never get here; automated senders and subjects are caught by
     * {@link InboundMailReceived#looksAutomated()}), our own address, or replying to one of our receipts (two robots
     * must not answer each other for ever).
     */
    private Uni<Void> keepForStaff(UUID id, String mailbox, String threadKey, ParsedMail mail, Instant now) {
        String subject = oneLine(mail.subjectLine(), MAX_SUBJECT_CHARS);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO unmatched_mail (id, mailbox, message_id, from_address, subject_line, "
                        + "text_body, thread_key, received_at) VALUES (:id, :mailbox, :mid, :from, :subject, :text, :thread, :now)")
                        .setParameter("id", id).setParameter("mailbox", mailbox).setParameter("mid", mail.messageId())
                        .setParameter("from", mail.from()).setParameter("subject", subject).setParameter("text", mail.text())
                        .setParameter("thread", threadKey).setParameter("now", now)
                        .executeUpdate())
                .chain(() -> storeAttachments(id, mail))
                .chain(() -> {
                    NotificationRequested receipt = receiptFor(id, mailbox, threadKey, mail, subject, now);
                    if (receipt == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return deliveryLog.accept("inbound:" + id, receipt);
                })
                .invoke(() -> Log.infof("Mail %s to %s is on no thread a service owns; kept for staff (unmatched mail %s)",
                        mail.messageId(), mailbox, id));
    }

    /** The receipt for a kept mail, or null when its sender must not get one. */
    private NotificationRequested receiptFor(UUID id, String mailbox, String threadKey, ParsedMail mail, String subject,
            Instant now) {
        String sender = bare(mail.from());
        if (ownAddresses.contains(sender) || threadKey != null && threadKey.startsWith(UNMATCHED_THREAD + ":")) {
            return null;
        }
        InboundMailReceived asEvent = new InboundMailReceived(mailbox, mail.messageId(), mail.inReplyTo(), mail.references(),
                threadKey, mail.from(), mail.recipients(), mail.subjectLine(), "", now, List.of());
        if (asEvent.looksAutomated()) {
            Log.infof("Mail %s looks automated; kept for staff without a receipt", mail.messageId());
            return null;
        }
        try {
            NotificationRequested receipt = NotificationRequested.of(MailTemplateId.MAIL_RECEIVED, sender, null, "en",
                    Map.of("subjectLine", subject.isBlank() ? "(no subject)" : subject, "receivedAt", now.toString()),
                    NotificationRequested.threadKey(UNMATCHED_THREAD, id), mailbox, MailTemplateId.MAIL_RECEIVED.id() + ":" + id,
                    now);
            // A Message-ID we made up from the hash names no mail in the sender's client.
            return mail.messageId().endsWith("@no-message-id.invalid>") ? receipt : withInReplyTo(receipt, mail.messageId());
        } catch (IllegalArgumentException unusable) {
            Log.infof("No receipt for mail %s: %s", mail.messageId(), unusable.getMessage());
            return null;
        }
    }

    private static NotificationRequested withInReplyTo(NotificationRequested receipt, String messageId) {
        try {
            return receipt.inReplyTo(messageId);
        } catch (IllegalArgumentException notAMessageId) {
            return receipt;
        }
    }

    /** Control characters (a folded or forged header) become spaces; the line is cut at {@code max}. */
    static String oneLine(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > max ? line.substring(0, max) : line;
    }

    private static String bare(String address) {
        if (address == null) {
            return "";
        }
        try {
            return new jakarta.mail.internet.InternetAddress(address).getAddress().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.AddressException e) {
            return address.strip().toLowerCase(Locale.ROOT);
        }
    }

    private Uni<Void> publish(UUID id, String mailbox, String threadKey, ParsedMail mail, Instant now) {
        List<MailAttachment> attachments = mail.attachments().stream()
                .map(a -> new MailAttachment(a.name(), a.contentType(), a.size())).toList();
        InboundMailReceived event = new InboundMailReceived(mailbox, mail.messageId(), mail.inReplyTo(), mail.references(),
                threadKey, mail.from(), mail.recipients(), mail.subjectLine(), mail.text(), now, attachments);
        return storeAttachments(id, mail)
                .chain(() -> outbox.publish(Topics.MAIL_INBOUND, EventSources.NOTIFICATION_SERVICE, event))
                .chain(envelope -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE inbound_mail SET event_id = :e WHERE id = :id")
                        .setParameter("e", envelope.id()).setParameter("id", id).executeUpdate()))
                .invoke(() -> Log.infof("Mail %s to %s published on mail.inbound for %s (thread %s, %d attachments)",
                        mail.messageId(), mailbox, event.partitionKey(), threadKey, attachments.size()))
                .replaceWithVoid();
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
