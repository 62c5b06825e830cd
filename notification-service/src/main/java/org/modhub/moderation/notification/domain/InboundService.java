package org.modhub.moderation.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.persistence.InboundMailRepository;
import org.modhub.moderation.notification.persistence.InboundMailRepository.StoredAttachment;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;
import org.modhub.moderation.notification.persistence.UnmatchedMailEntity;
import org.modhub.moderation.notification.persistence.UnmatchedMailRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records an inbound mail once per mailbox and Message-ID and carries out where {@link InboundRouting} sends it: a mail
 * on one of our threads, or on none in a mailbox with an intake rule, is published on {@code mail.inbound} (keyed by
 * its owning service) through the outbox in the same transaction, so the event exists exactly when the record does; a
 * mail nobody owns (feedback@, a reply to one of our receipts) is kept for staff in {@code unmatched_mail} and its
 * sender may get a receipt ({@link MailReceipts}). A mail seen again (the gateway died before moving it) changes
 * nothing. Auto-replies are recorded and not passed on; delivery reports go to {@link Suppressions}. Mail the gateway
 * could not parse is recorded as quarantined, so it is never parsed again.
 */
@ApplicationScoped
public class InboundService {

    /** What became of one message; all but DUPLICATE are recorded as its disposition. */
    public enum Outcome {
        PUBLISHED,
        KEPT_FOR_STAFF,
        DUPLICATE,
        AUTOMATED,
        BOUNCE,
        QUARANTINED
    }

    /** Longest subject line kept for staff and quoted in the receipt. */
    static final int MAX_SUBJECT_CHARS = 500;
    /** Longest quarantine reason kept. */
    private static final int MAX_REASON_CHARS = 1000;

    private final Outbox outbox;
    private final ThreadTokens threads;
    private final InboundMailRepository inbound;
    private final UnmatchedMailRepository unmatched;
    private final MailDeliveryRepository deliveries;
    private final DeliveryService deliveryLog;
    private final MailReceipts receipts;
    private final Suppressions suppressions;
    private final Clock clock;

    public InboundService(
            Outbox outbox,
            ThreadTokens threads,
            InboundMailRepository inbound,
            UnmatchedMailRepository unmatched,
            MailDeliveryRepository deliveries,
            DeliveryService deliveryLog,
            MailReceipts receipts,
            Suppressions suppressions,
            Clock clock) {
        this.outbox = outbox;
        this.threads = threads;
        this.inbound = inbound;
        this.unmatched = unmatched;
        this.deliveries = deliveries;
        this.deliveryLog = deliveryLog;
        this.receipts = receipts;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** How a message was recorded before, or null when it is new to this mailbox: a recorded message is never parsed again. */
    public Uni<String> dispositionOf(String mailbox, String messageId) {
        return inbound.dispositionOf(mailbox, messageId);
    }

    /**
     * Records a message that could not be parsed (or was too large, or too slow to parse) as quarantined, before it is
     * moved: should the move fail, the next poll finds the record and only moves it. Emits whether it was new.
     */
    public Uni<Boolean> quarantine(String mailbox, String messageId, String from, String reason) {
        String bounded =
                reason == null || reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
        return inbound.recordQuarantined(mailbox, messageId, from, bounded, clock.instant());
    }

    /**
     * @param mailbox the inbox name (safety, dmca, legal, feedback) or {@code bounces}
     * @param mailboxAddress its address, for finding the plus-address token
     */
    public Uni<Outcome> accept(String mailbox, String mailboxAddress, ParsedMail mail) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> {
            Uni<String> thread = mail.kind() == ParsedMail.Kind.ORDINARY
                    ? threadOf(mailboxAddress, mail)
                    : Uni.createFrom().nullItem();
            return thread.chain(threadKey -> {
                Outcome outcome = InboundRouting.outcomeOf(mail.kind(), mailbox, threadKey);
                return inbound.record(id, mailbox, mail.messageId(), outcome.name(), mail.from(), threadKey, now)
                        .chain(inserted -> {
                            if (!inserted) {
                                Log.debugf("Mail %s in %s was handled before; nothing new", mail.messageId(), mailbox);
                                return Uni.createFrom().item(Outcome.DUPLICATE);
                            }
                            Uni<Void> done = switch (outcome) {
                                case PUBLISHED -> publish(id, mailbox, threadKey, mail, now);
                                case KEPT_FOR_STAFF -> keepForStaff(id, mailbox, threadKey, mail, now);
                                case BOUNCE ->
                                    suppressions.applyBounce(mail.bounce(), mail.messageId(), mail.from(), now);
                                default -> {
                                    Log.infof("Auto-reply %s in %s recorded, not passed on", mail.messageId(), mailbox);
                                    yield Uni.createFrom().voidItem();
                                }
                            };
                            return done.replaceWith(outcome);
                        });
            });
        });
    }

    /** Keeps a mail no service owns for staff, with its attachments as evidence, and sends its sender a receipt if due. */
    private Uni<Void> keepForStaff(UUID id, String mailbox, String threadKey, ParsedMail mail, Instant now) {
        UnmatchedMailEntity kept = new UnmatchedMailEntity();
        kept.id = id;
        kept.mailbox = mailbox;
        kept.messageId = mail.messageId();
        kept.fromAddress = mail.from();
        kept.subjectLine = oneLine(mail.subjectLine(), MAX_SUBJECT_CHARS);
        kept.textBody = mail.text();
        kept.threadKey = threadKey;
        kept.receivedAt = now;
        return unmatched
                .persist(kept)
                .chain(() -> inbound.storeAttachments(id, stored(mail)))
                .chain(() -> {
                    NotificationRequested receipt =
                            receipts.receiptFor(id, mailbox, threadKey, mail, kept.subjectLine, now);
                    return receipt == null ? Uni.createFrom().voidItem() : deliveryLog.accept("inbound:" + id, receipt);
                })
                .invoke(() -> Log.infof(
                        "Mail %s to %s is on no thread a service owns; kept for staff (unmatched mail %s)",
                        mail.messageId(), mailbox, id));
    }

    /** Control characters (a folded or forged header) become spaces; the line is cut at {@code max}. */
    static String oneLine(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > max ? line.substring(0, max) : line;
    }

    private Uni<Void> publish(UUID id, String mailbox, String threadKey, ParsedMail mail, Instant now) {
        List<MailAttachment> attachments = mail.attachments().stream()
                .map(a -> new MailAttachment(a.name(), a.contentType(), a.size()))
                .toList();
        InboundMailReceived event = new InboundMailReceived(
                mailbox,
                mail.messageId(),
                mail.inReplyTo(),
                mail.references(),
                threadKey,
                mail.from(),
                mail.recipients(),
                mail.subjectLine(),
                mail.text(),
                now,
                attachments);
        return inbound.storeAttachments(id, stored(mail))
                .chain(() -> outbox.publish(Topics.MAIL_INBOUND, EventSources.NOTIFICATION_SERVICE, event))
                .chain(envelope -> inbound.setEventId(id, envelope.id()))
                .invoke(() -> Log.infof(
                        "Mail %s to %s published on mail.inbound for %s (thread %s, %d attachments)",
                        mail.messageId(), mailbox, event.partitionKey(), threadKey, attachments.size()));
    }

    /** The thread: a plus-address token we issued, else a reply to (or reference of) a mail we sent. */
    private Uni<String> threadOf(String mailboxAddress, ParsedMail mail) {
        return threads.threadOf(InboundRouting.tokenOf(mail, mailboxAddress)).chain(byToken -> {
            if (byToken != null) {
                return Uni.createFrom().item(byToken);
            }
            List<String> answered = InboundRouting.answered(mail);
            return answered.isEmpty()
                    ? Uni.createFrom().nullItem()
                    : deliveries
                            .findByMessageIds(answered)
                            .map(found -> InboundRouting.threadOfFirst(
                                    answered,
                                    found.stream().collect(Collectors.toMap(d -> d.messageId, d -> d.threadKey))));
        });
    }

    private static List<StoredAttachment> stored(ParsedMail mail) {
        return mail.attachments().stream()
                .map(a -> new StoredAttachment(a.name(), a.contentType(), a.size(), a.sha256(), a.content()))
                .toList();
    }
}
