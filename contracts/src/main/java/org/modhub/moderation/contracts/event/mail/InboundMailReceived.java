package org.modhub.moderation.contracts.event.mail;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A mail arrived in one of the inboxes. Everything in it is untrusted input from outside.
 * The mail's Subject header is {@code subjectLine}, so it is never mistaken for a moderation
 * subject or the CloudEvents {@code subject}.
 *
 * @param mailbox the inbox: safety, dmca or legal
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
        List<MailAttachment> attachments) implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.mail.InboundMailReceived.v1";

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

    /** The gateway keys inbound mail by mailbox (see {@code Mailboxes}). */
    @Override
    public String partitionKey() {
        return mailbox;
    }
}
