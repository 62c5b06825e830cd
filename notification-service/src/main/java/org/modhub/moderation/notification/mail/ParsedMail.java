package org.modhub.moderation.notification.mail;

import java.util.List;

/**
 * An inbound message as the gateway understood it. Everything in it is untrusted input.
 *
 * @param messageId its Message-ID (synthesised from the content's hash when the sender gave none)
 * @param inReplyTo the first In-Reply-To id, if any
 * @param references the References ids, oldest first
 * @param from the sender's address
 * @param recipients To, Cc and delivery headers' addresses (where a plus-address token may be)
 * @param subjectLine decoded Subject, empty if none
 * @param text the plain-text body, or the HTML body turned into text
 * @param attachments attached files and forwarded messages
 * @param kind an ordinary mail, an auto-reply, or a delivery report
 * @param bounce for a delivery report: what failed
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String from,
        List<String> recipients,
        String subjectLine,
        String text,
        List<Attachment> attachments,
        Kind kind,
        Bounce bounce) {

    public enum Kind {
        ORDINARY,
        AUTO_REPLY,
        DELIVERY_REPORT
    }

    /**
     * @param name the file name the sender gave, if any
     * @param contentType the declared MIME type (without parameters)
     * @param size the decoded size in bytes
     * @param content the bytes, or null when larger than the limit
     * @param sha256 hex digest of the bytes (of what was read, when truncated)
     */
    public record Attachment(String name, String contentType, long size, byte[] content, String sha256) {}

    /**
     * @param failedRecipients recipients whose delivery failed permanently (Action: failed, Status 5.x.x)
     * @param originalMessageId the Message-ID of the mail that bounced, if the report carries it
     */
    public record Bounce(List<String> failedRecipients, String originalMessageId) {}
}
