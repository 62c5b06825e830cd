package org.modhub.moderation.notification.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Parses raw RFC 5322 mail defensively: nested multiparts, any declared charset (unknown ones read as UTF-8 with
 * replacement), RFC 2047 encoded headers, HTML-only mail turned into text, attachments (size-limited) with their
 * metadata, forwarded messages as attachments; {@link MailKinds} tells auto-replies and delivery reports from ordinary
 * mail. Mail without a readable sender, or whose structure cannot be read, is {@link UnparsableMailException}.
 */
public final class MimeParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_DEPTH = 20;

    /** HTML bodies are cut to this many characters before parsing unless a parser is given its own limit. */
    public static final int DEFAULT_MAX_HTML_CHARS = 512 * 1024;

    private final Session session;
    private final long maxAttachmentBytes;
    private final int maxTextChars;
    private final int maxHtmlChars;

    public MimeParser(Session session, long maxAttachmentBytes, int maxTextChars) {
        this(session, maxAttachmentBytes, maxTextChars, DEFAULT_MAX_HTML_CHARS);
    }

    public MimeParser(Session session, long maxAttachmentBytes, int maxTextChars, int maxHtmlChars) {
        this.session = session;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxTextChars = maxTextChars;
        this.maxHtmlChars = maxHtmlChars;
    }

    /** Parses without a time limit (tests, tools); the gateway gives every message a deadline. */
    public ParsedMail parse(byte[] raw) throws UnparsableMailException {
        return parse(raw, Long.MAX_VALUE);
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which the parse must be done; a parse still running then stops
     *     with {@link UnparsableMailException}
     */
    public ParsedMail parse(byte[] raw, long deadlineNanos) throws UnparsableMailException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            String from = sender(message);
            Body body = new Body(deadlineNanos);
            walk(message, body, 0);
            String text;
            try {
                text = body.plain != null
                        ? body.plain
                        : body.html != null
                                ? HtmlText.toText(body.html, maxHtmlChars, maxTextChars, deadlineNanos)
                                : "";
            } catch (HtmlText.UnreadableHtmlException e) {
                throw new UnparsableMailException(e.getMessage(), e);
            }
            if (text.length() > maxTextChars) {
                text = text.substring(0, maxTextChars);
            }
            String messageId = messageKey(message.getHeader("Message-ID"), raw);
            String subject = message.getSubject();
            ParsedMail.Kind kind = MailKinds.kindOf(message, from, body.dsn != null);
            ParsedMail.Bounce bounce =
                    kind == ParsedMail.Kind.DELIVERY_REPORT ? MailKinds.bounce(body.dsn, body.returnedHeaders) : null;
            return new ParsedMail(
                    messageId,
                    firstId(message.getHeader("In-Reply-To")),
                    ids(message.getHeader("References")),
                    from,
                    recipients(message),
                    subject == null ? "" : subject.strip(),
                    text.strip(),
                    List.copyOf(body.attachments),
                    kind,
                    bounce);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparsableMailException("cannot parse: " + e.getMessage(), e);
        }
    }

    /**
     * The id a message is recorded under: its first Message-ID, or, when it has none, one made from the hash of its
     * bytes (deduplication needs an id: the same bytes give the same one).
     */
    public static String messageKey(String[] messageIdHeader, byte[] raw) {
        String messageId = firstId(messageIdHeader);
        return messageId != null ? messageId : "<" + sha256(raw).substring(0, 40) + "@no-message-id.invalid>";
    }

    private static final class Body {
        final long deadline;
        String plain;
        String html;
        String dsn;
        String returnedHeaders;
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();

        Body(long deadline) {
            this.deadline = deadline;
        }
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("multipart nesting deeper than " + MAX_DEPTH);
        }
        if (HtmlText.passed(body.deadline)) {
            throw new MessagingException("not parsed within the time budget");
        }
        String type = baseType(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null;
        if (type.startsWith("multipart/")) {
            Multipart multipart = (Multipart) part.getContent();
            int count = multipart.getCount();
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
        } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
            body.dsn = new String(bytes(part, Long.MAX_VALUE), StandardCharsets.UTF_8);
        } else if (type.equals("text/rfc822-headers") && depth > 0) {
            body.returnedHeaders = new String(bytes(part, Long.MAX_VALUE), StandardCharsets.UTF_8);
            addAttachment(part, body, type);
        } else if (type.equals("message/rfc822") && depth > 0) {
            if (body.returnedHeaders == null) {
                body.returnedHeaders = headersOf(bytes(part, Long.MAX_VALUE));
            }
            addAttachment(part, body, type);
        } else if (!attachment && type.equals("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (!attachment && type.equals("text/html") && body.html == null) {
            body.html = text(part);
        } else if (depth > 0 || attachment) {
            addAttachment(part, body, type);
        } else {
            // A single-part message of another type: keep it as an attachment, the text stays empty.
            addAttachment(part, body, type);
        }
    }

    private void addAttachment(Part part, Body body, String type) throws MessagingException, IOException {
        byte[] content = bytes(part, maxAttachmentBytes + 1);
        boolean tooLarge = content.length > maxAttachmentBytes;
        long size = tooLarge ? sizeOf(part) : content.length;
        body.attachments.add(
                new ParsedMail.Attachment(fileName(part), type, size, tooLarge ? null : content, sha256(content)));
    }

    /** Decoded text in its declared charset; an unknown or wrong charset is read as UTF-8 with replacement characters. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // fall through
        }
        return new String(bytes(part, Long.MAX_VALUE), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Part part, long limit) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() >= limit) {
                    break;
                }
            }
            return out.toByteArray();
        }
    }

    private static long sizeOf(Part part) throws MessagingException, IOException {
        long size = 0;
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
            }
        }
        return size;
    }

    private static String headersOf(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        return end < 0 ? text : text.substring(0, end);
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name).strip();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String declared = part.getContentType();
        if (declared == null) {
            return "text/plain";
        }
        try {
            return new ContentType(declared).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            from = null;
        }
        if (from == null
                || from.length == 0
                || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null
                || !address.getAddress().contains("@")) {
            throw new MessagingException("no readable sender address");
        }
        return address.getAddress().strip();
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Set<String> all = new LinkedHashSet<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses;
            try {
                addresses = message.getRecipients(type);
            } catch (AddressException e) {
                continue;
            }
            if (addresses != null) {
                for (Address a : addresses) {
                    if (a instanceof InternetAddress internet && internet.getAddress() != null) {
                        all.add(internet.getAddress().strip());
                    }
                }
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    all.add(value.strip().replaceAll("^<|>$", ""));
                }
            }
        }
        return List.copyOf(all);
    }

    private static String firstId(String[] values) {
        List<String> ids = ids(values);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String[] values) {
        List<String> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find()) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
