package org.modhub.moderation.contracts.event.mail;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A mail arrived in one of the inboxes. Everything in it is untrusted input from outside.
 * The mail's Subject header is {@code subjectLine}, so it is never mistaken for a moderation
 * subject or the CloudEvents {@code subject}.
 *
 * @param mailbox the inbox: safety, dmca, legal or feedback
 * @param messageId its Message-ID header
 * @param inReplyTo its In-Reply-To header, if any
 * @param references its References header, oldest first
 * @param threadToken the thread key recovered from the plus-address or references, if any
 * @param from the sender's address
 * @param to the recipient addresses
 * @param subjectLine the Subject header
 * @param textBody the plain-text body (or the HTML body converted to text)
 * @param receivedAt when the gateway received it
 * @param attachments what was attached
 */
public record InboundMailReceived(
        String mailbox,
        String messageId,
        @Nullable String inReplyTo,
        List<String> references,
        @Nullable String threadToken,
        String from,
        List<String> to,
        String subjectLine,
        String textBody,
        Instant receivedAt,
        List<MailAttachment> attachments)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.mail.InboundMailReceived.v1";

    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>|([^<>\\s\"]+@[^<>\\s\"]+)");
    private static final Pattern AUTOMATED_SENDER = Pattern.compile(
            "^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@.-]|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTOMATED_SUBJECT = Pattern.compile(
            "^(auto(matic)? ?(reply|response)|auto:|out of (the )?office|abwesenheit|undeliverable|undelivered mail|"
                    + "delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|delivery failure)",
            Pattern.CASE_INSENSITIVE);

    public InboundMailReceived {
        check(mailbox != null && Mailboxes.ALL.contains(mailbox), "mailbox must be one of " + Mailboxes.ALL);
        text(messageId, "messageId");
        references = list(references, "references");
        text(from, "from");
        to = list(to, "to");
        required(subjectLine, "subjectLine");
        required(textBody, "textBody");
        required(receivedAt, "receivedAt");
        attachments = list(attachments, "attachments");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return null;
    }

    /** The bare sender address of {@code from} ("Name &lt;a@b&gt;" or "a@b"), if it has a usable one. */
    public Optional<String> senderAddress() {
        Matcher m = ADDRESS.matcher(from);
        if (!m.find()) {
            return Optional.empty();
        }
        String address = m.group(1) != null ? m.group(1) : m.group(2);
        return address.length() > 254 ? Optional.empty() : Optional.of(address);
    }

    /**
     * Whether the mail looks machine-written: an auto-reply, an out-of-office note or a delivery
     * report. The gateway already keeps back mail marked {@code Auto-Submitted} and DSNs; this
     * catches those that carry no such header, so they never become reports, notices or appeals.
     */
    public boolean looksAutomated() {
        String local = senderAddress()
                .map(a -> a.substring(0, a.indexOf('@')))
                .orElse("")
                .toLowerCase(Locale.ROOT);
        return AUTOMATED_SENDER.matcher(local + "@").find()
                || AUTOMATED_SUBJECT.matcher(subjectLine.strip()).find();
    }

    /** The record a reply belongs to, when its thread token is {@code <kind>:<uuid>} (e.g. {@code report:…}). */
    public Optional<UUID> threadId(String kind) {
        String prefix = kind + ":";
        if (threadToken == null || !threadToken.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(threadToken.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The service this mail is for: its thread's owner, else its mailbox's intake (see {@link MailRoutes}). The gateway
     * publishes only mail that has one.
     */
    public Optional<MailRoutes.Owner> owner() {
        return MailRoutes.route(mailbox, threadToken);
    }

    /** Whether this mail is {@code service}'s to handle. */
    public boolean isFor(MailRoutes.Owner service) {
        return owner().filter(service::equals).isPresent();
    }

    /**
     * Keyed by owning service (see {@link MailRoutes.Owner#key()}), so a consumer skips other services' mail by the
     * record key alone, and one service's mail stays in order.
     */
    @Override
    public String partitionKey() {
        return owner().map(MailRoutes.Owner::key).orElse(mailbox);
    }
}
