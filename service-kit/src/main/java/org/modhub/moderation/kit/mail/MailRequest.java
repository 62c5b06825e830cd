package org.modhub.moderation.kit.mail;

import java.util.Map;

import org.modhub.moderation.contracts.event.notification.MailTemplateId;

/**
 * One mail to one person, as a service asks notification-service for it ({@link MailRequests}).
 * Built with {@link #to} and refined with the withers; what is not set has the default the javadoc
 * of each wither gives.
 *
 * @param threadKey what replies belong to ({@code <kind>:<id>}, contracts {@code MailRoutes}); its kind names the
 *     service a reply reaches
 * @param replyMailbox the address replies go to (the thread decides where they are handled)
 * @param idempotencyKey the same key is mailed once however often it is asked for
 * @param inReplyTo the Message-ID of the person's mail this one answers, so their client shows one conversation
 */
public record MailRequest(
        MailTemplateId template,
        String email,
        String userId,
        String locale,
        Map<String, String> parameters,
        String threadKey,
        String replyMailbox,
        String idempotencyKey,
        String inReplyTo) {

    /** A mail of {@code template} to {@code email} (null: the person has no address; nothing is sent). */
    public static MailRequest to(MailTemplateId template, String email, String userId) {
        return new MailRequest(template, email, userId, null, Map.of(), null, null, null, null);
    }

    /** The template's parameters. */
    public MailRequest parameters(Map<String, String> parameters) {
        return new MailRequest(
                template,
                email,
                userId,
                locale,
                Map.copyOf(parameters),
                threadKey,
                replyMailbox,
                idempotencyKey,
                inReplyTo);
    }

    /** The thread replies belong to, and the mailbox they are addressed to. */
    public MailRequest thread(String threadKey, String replyMailbox) {
        return new MailRequest(
                template, email, userId, locale, parameters, threadKey, replyMailbox, idempotencyKey, inReplyTo);
    }

    /** Sent once for this key; by default the template, thread and recipient. */
    public MailRequest once(String idempotencyKey) {
        return new MailRequest(
                template, email, userId, locale, parameters, threadKey, replyMailbox, idempotencyKey, inReplyTo);
    }

    /** The recipient's locale; by default {@code kit.mail.locale}. */
    public MailRequest locale(String locale) {
        return new MailRequest(
                template, email, userId, locale, parameters, threadKey, replyMailbox, idempotencyKey, inReplyTo);
    }

    /** Answers the person's mail with this Message-ID (null: none). */
    public MailRequest answering(String messageId) {
        return new MailRequest(
                template, email, userId, locale, parameters, threadKey, replyMailbox, idempotencyKey, messageId);
    }
}
