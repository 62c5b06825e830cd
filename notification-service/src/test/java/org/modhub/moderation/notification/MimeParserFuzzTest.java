package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.notification.mail.MimeParser;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.mail.UnparsableMailException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import jakarta.mail.Session;

/**
 * The inbound gateway's MIME parser on raw message bytes: every input either parses into a mail
 * within the configured limits or is {@link UnparsableMailException} (which sends it to
 * quarantine); any other exception or error would stop the poller on that message. Seeds: the
 * samples in {@code src/test/resources/mime}; {@link #boundedRun()} mutates them repeatably in
 * every build, {@code bin/fuzz} runs the {@link FuzzTest} coverage-guided (see FUZZING.md).
 */
class MimeParserFuzzTest {

    private static final int MAX_ATTACHMENT = 512;
    private static final int MAX_TEXT = 2_000;
    private static final MimeParser PARSER =
            new MimeParser(Session.getInstance(new Properties()), MAX_ATTACHMENT, MAX_TEXT);
    private static final List<String> SAMPLES = List.of(
            "attachment.eml",
            "auto-reply.eml",
            "bounce.eml",
            "broken-multipart.eml",
            "html-only-base64.eml",
            "iso-8859-1.eml",
            "nested-multipart.eml",
            "no-sender.eml");
    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong PARSED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @Test
    void boundedRun() throws Exception {
        int inputs = Integer.getInteger("fuzz.inputs", 1_500);
        for (int i = 0; i < inputs; i++) {
            Random random = new Random(i);
            byte[] seed = MimeParserTest.raw(SAMPLES.get(i % SAMPLES.size()));
            parse(mutate(seed, random));
        }
    }

    @FuzzTest(maxDuration = "10m")
    void rawMessage(byte[] raw) {
        parse(raw);
    }

    private static void parse(byte[] raw) {
        SENT.incrementAndGet();
        ParsedMail mail;
        try {
            mail = PARSER.parse(raw);
        } catch (UnparsableMailException e) {
            REFUSED.incrementAndGet();
            return;
        }
        PARSED.incrementAndGet();
        String shown = new String(raw, 0, Math.min(raw.length, 400), StandardCharsets.ISO_8859_1);
        assertThat(mail.messageId()).as("Message-ID of %s", shown).isNotBlank();
        assertThat(mail.from()).as("sender of %s", shown).isNotBlank();
        assertThat(mail.text().length()).as("text of %s", shown).isLessThanOrEqualTo(MAX_TEXT);
        assertThat(mail.subjectLine()).isNotNull();
        assertThat(mail.kind()).isNotNull();
        for (ParsedMail.Attachment attachment : mail.attachments()) {
            if (attachment.content() != null) {
                assertThat(attachment.content().length)
                        .as("kept attachment of %s", shown)
                        .isLessThanOrEqualTo(MAX_ATTACHMENT);
            }
        }
    }

    /** Byte flips, cut and repeated ranges, and hostile header lines spliced into a real sample. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int changes = 1 + random.nextInt(6);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    for (int i = 0; i < 1 + random.nextInt(16) && out.length > 0; i++) {
                        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 2 -> {
                    if (out.length > 2) {
                        int from = random.nextInt(out.length - 1);
                        int to = from + 1 + random.nextInt(Math.min(400, out.length - from - 1) + 1);
                        byte[] range = java.util.Arrays.copyOfRange(out, from, Math.min(to, out.length));
                        out = splice(out, random.nextInt(out.length + 1), range);
                    }
                }
                case 3 ->
                    out = splice(
                            out,
                            lineStart(out, random),
                            HOSTILE_LINES
                                    .get(random.nextInt(HOSTILE_LINES.size()))
                                    .getBytes(StandardCharsets.ISO_8859_1));
                case 4 -> {
                    byte[] junk = new byte[random.nextInt(64)];
                    random.nextBytes(junk);
                    out = splice(out, random.nextInt(out.length + 1), junk);
                }
                default ->
                    out = splice(
                            out,
                            lineStart(out, random),
                            ("Content-Type: multipart/mixed; boundary=\"b" + random.nextInt(3) + "\"\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static final List<String> HOSTILE_LINES = List.of(
            "Content-Type: multipart/mixed; boundary=\"\"\r\n",
            "Content-Type: multipart/alternative\r\n",
            "Content-Type: text/plain; charset=\"x-no-such-charset\"\r\n",
            "Content-Type: text/html; charset=utf-7\r\n",
            "Content-Transfer-Encoding: base64\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n",
            "Content-Transfer-Encoding: x-uuencode\r\n",
            "Content-Transfer-Encoding: 9bit\r\n",
            "Content-Disposition: attachment; filename*=utf-8''%FF%FE%00.exe\r\n",
            "Content-Disposition: attachment; filename*0*=us-ascii'en'a; filename*1=b; filename*99=c\r\n",
            "Subject: =?utf-8?B?////?= =?x-bogus?Q?=ZZ?= =?utf-8?q?" + "a".repeat(300) + "?=\r\n",
            "From: =?utf-8?B?PHNjcmlwdD4=?= <>\r\n",
            "From: \"a\\\" <b@c>, , @@, <<x@y>>\r\n",
            "From: " + "a".repeat(5000) + "@example.org\r\n",
            "Message-ID: <>\r\n",
            "In-Reply-To: <a@b> <c@d> <" + "x".repeat(2000) + ">\r\n",
            "References: " + "<r@x> ".repeat(500) + "\r\n",
            "Auto-Submitted: auto-replied\r\n",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n",
            "Content-Type: message/delivery-status\r\n",
            "Content-Type: message/rfc822\r\n",
            "Content-Type: text/rfc822-headers\r\n",
            "\r\n--b0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n--b0\r\n",
            "\r\n<html><a href=\"javascript:x\"><a href='" + "<".repeat(3000)
                    + "'>&#x110000;&#99999999999;&nbsp</html>\r\n",
            "X-" + "h".repeat(10_000) + ": v\r\n",
            " folded continuation with no header before it\r\n");

    private static int lineStart(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return 0;
        }
        int at = random.nextInt(bytes.length);
        while (at > 0 && bytes[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "Fuzz summary notification-service MIME parser: %d messages parsed, %d as mail, %d quarantined "
                        + "(UnparsableMailException), 0 other exceptions%n",
                SENT.get(), PARSED.get(), REFUSED.get());
    }
}
