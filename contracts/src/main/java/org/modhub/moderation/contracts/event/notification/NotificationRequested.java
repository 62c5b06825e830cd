package org.modhub.moderation.contracts.event.notification;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;

/**
 * A request for one templated mail. Notification-service renders it in the locale, sends it with
 * retries, and threads replies back through {@code threadKey} so a reply to
 * {@code replyMailbox} lands on the right report, notice or appeal.
 *
 * @param templateId the template, e.g. {@code report-receipt}
 * @param recipientEmail where to send it
 * @param recipientUserId hub user id of the recipient, if they have an account
 * @param locale BCP 47 language tag, e.g. {@code en} or {@code de-DE}
 * @param parameters the template's parameters, already redacted for this recipient
 * @param threadKey what a reply belongs to, {@code <kind>:<id>} such as {@code report:<uuid>}
 * @param replyMailbox the inbox replies go to: safety, dmca or legal
 * @param idempotencyKey the same key is sent once, however often it is requested
 * @param requestedAt when
 * @param inReplyTo the Message-ID of the person's mail this one answers (a receipt, a question back), so their mail
 *     client shows one conversation: sent as {@code In-Reply-To} and {@code References}
 */
public record NotificationRequested(
        String templateId,
        String recipientEmail,
        @Nullable String recipientUserId,
        String locale,
        Map<String, String> parameters,
        String threadKey,
        String replyMailbox,
        String idempotencyKey,
        Instant requestedAt,
        @Nullable String inReplyTo)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.notifications.NotificationRequested.v1";

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");
    /** {@code <kind>:<id>}, e.g. {@code report:0b6c…}; the kind names the owning record. */
    public static final Pattern THREAD_KEY = Pattern.compile("[a-z][a-z_]{0,31}:[A-Za-z0-9._-]{1,128}");

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    /** A Message-ID as mail clients write it: {@code <local@domain>}, printable ASCII, bounded. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,996}>");

    public NotificationRequested {
        check(
                templateId != null && TEMPLATE_ID.matcher(templateId).matches(),
                "templateId must be 1-64 of a-z, 0-9, '.', '_', '-', not '" + templateId + "'");
        email(recipientEmail, "recipientEmail", false);
        optionalText(recipientUserId, "recipientUserId");
        check(locale != null && LOCALE.matcher(locale).matches(), "locale must be a BCP 47 tag, not '" + locale + "'");
        parameters = map(parameters, "parameters");
        parameters
                .keySet()
                .forEach(name -> check(
                        PARAMETER_NAME.matcher(name).matches(),
                        "parameter name '" + name + "' must be a letter then letters, digits, '_' or '.'"));
        check(
                threadKey != null && THREAD_KEY.matcher(threadKey).matches(),
                "threadKey must look like 'report:<id>', not '" + threadKey + "'");
        check(
                replyMailbox != null && Mailboxes.ALL.contains(replyMailbox),
                "replyMailbox must be one of " + Mailboxes.ALL);
        text(idempotencyKey, "idempotencyKey");
        check(
                idempotencyKey.length() <= MAX_IDEMPOTENCY_KEY_LENGTH,
                "idempotencyKey is longer than " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        required(requestedAt, "requestedAt");
        optionalText(inReplyTo, "inReplyTo");
        check(
                inReplyTo == null || MESSAGE_ID.matcher(inReplyTo).matches(),
                "inReplyTo must be a Message-ID such as <id@host>, not '" + inReplyTo + "'");
    }

    /** The same request, answering the person's mail with Message-ID {@code messageId} (null: answers none). */
    public NotificationRequested inReplyTo(String messageId) {
        return new NotificationRequested(
                templateId,
                recipientEmail,
                recipientUserId,
                locale,
                parameters,
                threadKey,
                replyMailbox,
                idempotencyKey,
                requestedAt,
                messageId);
    }

    /**
     * A request for one of the {@link MailTemplateId} mails, refused unless it carries every
     * parameter that template needs: senders build their requests here, so a missing parameter
     * fails the sender's own tests instead of a user's mail.
     */
    public static NotificationRequested of(
            MailTemplateId template,
            String recipientEmail,
            String recipientUserId,
            String locale,
            Map<String, String> parameters,
            String threadKey,
            String replyMailbox,
            String idempotencyKey,
            Instant requestedAt) {
        List<String> missing = template.missing(parameters == null ? Map.of() : parameters);
        check(missing.isEmpty(), "template " + template.id() + " needs the parameters " + missing);
        return new NotificationRequested(
                template.id(),
                recipientEmail,
                recipientUserId,
                locale,
                parameters,
                threadKey,
                replyMailbox,
                idempotencyKey,
                requestedAt,
                null);
    }

    /** As {@link #of(MailTemplateId, String, String, String, Map, String, String, String, Instant)}, by the template's id. */
    public static NotificationRequested of(
            String templateId,
            String recipientEmail,
            String recipientUserId,
            String locale,
            Map<String, String> parameters,
            String threadKey,
            String replyMailbox,
            String idempotencyKey,
            Instant requestedAt) {
        MailTemplateId template = MailTemplateId.of(templateId).orElse(null);
        check(
                template != null,
                "templateId '" + templateId + "' is not a MailTemplateId: notification-service has no such mail");
        return of(
                template,
                recipientEmail,
                recipientUserId,
                locale,
                parameters,
                threadKey,
                replyMailbox,
                idempotencyKey,
                requestedAt);
    }

    /** The thread key of a record: {@code threadKey("report", id)} is {@code report:<id>}. */
    public static String threadKey(String kind, UUID id) {
        return kind + ":" + id;
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return null;
    }

    /** Mails of one thread stay in order. */
    @Override
    public String partitionKey() {
        return threadKey;
    }
}
