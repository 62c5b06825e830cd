package org.modhub.moderation.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What kind of mail a message is: an auto-reply (RFC 3834 {@code Auto-Submitted} and the vendor headers
 * auto-responders send), a delivery status notification (RFC 3464) and what it reports failed, or an ordinary mail.
 */
final class MailKinds {

    private static final Pattern DSN_FIELD =
            Pattern.compile("(?im)^(Final-Recipient|Original-Recipient|Action|Status)\\s*:\\s*(.+)$");
    private static final Pattern HEADER_MESSAGE_ID = Pattern.compile("(?im)^Message-ID\\s*:\\s*(<[^<>\\s]+>)");

    private MailKinds() {}

    /**
     * @param from the sender's address
     * @param hasDeliveryStatus whether a {@code message/delivery-status} part was found
     */
    static ParsedMail.Kind kindOf(MimeMessage message, String from, boolean hasDeliveryStatus)
            throws MessagingException {
        return hasDeliveryStatus || isDeliveryReport(message, from)
                ? ParsedMail.Kind.DELIVERY_REPORT
                : isAutoReply(message) ? ParsedMail.Kind.AUTO_REPLY : ParsedMail.Kind.ORDINARY;
    }

    /** RFC 3834 and the vendor headers auto-responders actually send. */
    private static boolean isAutoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null
                || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponse") != null) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && Set.of("auto_reply", "bulk", "junk").contains(precedence.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        String subject = message.getSubject();
        return suppress != null
                && subject != null
                && subject.toLowerCase(Locale.ROOT).matches("^(automatic reply|auto:|out of office|autoreply).*");
    }

    private static boolean isDeliveryReport(MimeMessage message, String from) throws MessagingException {
        String type = message.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).contains("report-type=delivery-status")) {
            return true;
        }
        String local = from.substring(0, from.indexOf('@')).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster") && header(message, "Auto-Submitted") != null;
    }

    /**
     * What a delivery report says failed for good: recipients whose block reads {@code Action: failed} with a 5.x.x
     * {@code Status}, and the Message-ID in the returned headers of the mail that bounced.
     *
     * @param dsn the {@code message/delivery-status} part, or null
     * @param returnedHeaders the returned message's headers, or null
     */
    static ParsedMail.Bounce bounce(String dsn, String returnedHeaders) {
        List<String> failed = new ArrayList<>();
        if (dsn != null) {
            // Per-recipient blocks are separated by blank lines; each has Final-Recipient, Action and Status.
            for (String block : dsn.split("\\r?\\n\\s*\\r?\\n")) {
                String recipient = null;
                String action = null;
                String status = null;
                Matcher m = DSN_FIELD.matcher(block);
                while (m.find()) {
                    String value = m.group(2).strip();
                    switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "final-recipient" ->
                            recipient = value.contains(";")
                                    ? value.substring(value.indexOf(';') + 1).strip()
                                    : value;
                        case "action" -> action = value.toLowerCase(Locale.ROOT);
                        case "status" -> status = value;
                        default -> {}
                    }
                }
                if (recipient != null && "failed".equals(action) && status != null && status.startsWith("5")) {
                    failed.add(recipient.replaceAll("^<|>$", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        String original = null;
        if (returnedHeaders != null) {
            Matcher m = HEADER_MESSAGE_ID.matcher(returnedHeaders);
            if (m.find()) {
                original = m.group(1);
            }
        }
        return new ParsedMail.Bounce(List.copyOf(failed), original);
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }
}
