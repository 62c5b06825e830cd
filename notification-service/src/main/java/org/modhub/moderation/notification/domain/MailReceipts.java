package org.modhub.moderation.notification.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.mail.MailAddresses;
import org.modhub.moderation.notification.mail.ParsedMail;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who is told that their mail to a mailbox no service owns arrived ({@code mail-received}, threaded to their mail):
 * everybody but a machine (automated senders and subjects, {@link InboundMailReceived#looksAutomated()}), our own
 * addresses, and whoever replies to one of our receipts, since two robots must not answer each other for ever.
 */
@ApplicationScoped
public class MailReceipts {

    /** The thread kind of our receipts: a reply to one is kept for staff again, without a second receipt. */
    public static final String UNMATCHED_THREAD = "unmatched";

    /** Addresses that are ours (the sender, every mailbox, the journal). */
    private final Set<String> ownAddresses;

    @Inject
    public MailReceipts(NotificationConfig config) {
        Set<String> own = new HashSet<>();
        own.add(MailAddresses.bare(config.outbound().from()));
        config.inbound().mailboxes().values().forEach(box -> own.add(MailAddresses.bare(box.address())));
        config.inbound().bounces().ifPresent(box -> own.add(MailAddresses.bare(box.address())));
        config.outbound().journal().address().ifPresent(address -> own.add(MailAddresses.bare(address)));
        this.ownAddresses = Set.copyOf(own);
    }

    MailReceipts(Set<String> ownAddresses) {
        this.ownAddresses = Set.copyOf(ownAddresses);
    }

    /**
     * The receipt for kept mail {@code id}, or null when its sender must not get one.
     *
     * @param subject the subject as kept for staff (one line, bounded)
     */
    public NotificationRequested receiptFor(
            UUID id, String mailbox, String threadKey, ParsedMail mail, String subject, Instant now) {
        String sender = MailAddresses.bare(mail.from());
        if (ownAddresses.contains(sender) || threadKey != null && threadKey.startsWith(UNMATCHED_THREAD + ":")) {
            return null;
        }
        InboundMailReceived asEvent = new InboundMailReceived(
                mailbox,
                mail.messageId(),
                mail.inReplyTo(),
                mail.references(),
                threadKey,
                mail.from(),
                mail.recipients(),
                mail.subjectLine(),
                "",
                now,
                List.of());
        if (asEvent.looksAutomated()) {
            Log.infof("Mail %s looks automated; kept for staff without a receipt", mail.messageId());
            return null;
        }
        try {
            NotificationRequested receipt = NotificationRequested.of(
                    MailTemplateId.MAIL_RECEIVED,
                    sender,
                    null,
                    "en",
                    Map.of("subjectLine", subject.isBlank() ? "(no subject)" : subject, "receivedAt", now.toString()),
                    NotificationRequested.threadKey(UNMATCHED_THREAD, id),
                    mailbox,
                    MailTemplateId.MAIL_RECEIVED.id() + ":" + id,
                    now);
            // A Message-ID we made up from the hash names no mail in the sender's client.
            return mail.messageId().endsWith("@no-message-id.invalid>")
                    ? receipt
                    : withInReplyTo(receipt, mail.messageId());
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
}
