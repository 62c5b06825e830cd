package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.notification.mail.MimeParser;
import org.modhub.moderation.notification.mail.ParsedMail;
import org.modhub.moderation.notification.mail.UnparsableMailException;

import jakarta.mail.Session;

/** The awkward samples in src/test/resources/mime parse as a person reading them would expect. */
class MimeParserTest {

    private final MimeParser parser = new MimeParser(Session.getInstance(new Properties()), 512, 100_000);

    private ParsedMail parse(String sample) throws Exception {
        return parser.parse(raw(sample));
    }

    static byte[] raw(String sample) throws IOException {
        try (InputStream in = MimeParserTest.class.getResourceAsStream("/mime/" + sample)) {
            return in.readAllBytes();
        }
    }

    @Test
    void nestedMultipartGivesThePlainTextAndEveryAttachment() throws Exception {
        ParsedMail mail = parse("nested-multipart.eml");
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.ORDINARY);
        assertThat(mail.from()).isEqualTo("jane@example.net");
        assertThat(mail.messageId()).isEqualTo("<nested-1@example.net>");
        assertThat(mail.text()).isEqualTo("The model https://huggingface.co/acme/evil ships a trojan.");
        assertThat(mail.attachments())
                .extracting(ParsedMail.Attachment::name, ParsedMail.Attachment::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shot.png", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("scan.pdf", "application/pdf"));
        ParsedMail.Attachment png = mail.attachments().get(0);
        // 512 bytes decoded: exactly the limit, so kept.
        assertThat(png.size()).isEqualTo(512);
        assertThat(png.content()).hasSize(512);
        assertThat(mail.attachments().get(1).content()).startsWith("%PDF".getBytes());
    }

    @Test
    void isoLatin1HeadersAndBodyAreDecoded() throws Exception {
        ParsedMail mail = parse("iso-8859-1.eml");
        assertThat(mail.subjectLine()).isEqualTo("Beschwerde über eine Entscheidung");
        assertThat(mail.from()).isEqualTo("juergen@example.de");
        assertThat(mail.text()).startsWith("Grüße aus Köln: das Modell verstößt gegen die Regeln.");
    }

    @Test
    void aBase64HtmlOnlyMailBecomesReadableTextWithItsLinks() throws Exception {
        ParsedMail mail = parse("html-only-base64.eml");
        assertThat(mail.text())
                .isEqualTo(
                        "Hello,\n\nplease remove this dataset (https://huggingface.co/datasets/acme/leak) & its copies."
                                + "\n\n- one\n- two");
        assertThat(mail.text()).doesNotContain("color: red").doesNotContain("<");
        assertThat(mail.inReplyTo()).isEqualTo("<5f0c6f2e-0000-4000-8000-000000000001@hub.localhost>");
        assertThat(mail.references())
                .containsExactly("<older@example.org>", "<5f0c6f2e-0000-4000-8000-000000000001@hub.localhost>");
        assertThat(mail.recipients()).contains("dmca+tabcdefghijklmnopqrstuvwx@hub.localhost");
    }

    @Test
    void anAttachmentKeepsItsDecodedNameTypeAndSizeAndALargeOneOnlyItsMetadata() throws Exception {
        ParsedMail mail = parse("attachment.eml");
        assertThat(mail.text()).isEqualTo("See the attached file.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Gegendarstellung ü.bin");
            assertThat(a.contentType()).isEqualTo("application/octet-stream");
            assertThat(a.size()).isEqualTo(1007);
            assertThat(a.content()).as("over the 512-byte limit of this parser").isNull();
            assertThat(a.sha256()).hasSize(64);
        });
    }

    @Test
    void anAutoReplyIsRecognised() throws Exception {
        assertThat(parse("auto-reply.eml").kind()).isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(parse("nested-multipart.eml").kind()).isEqualTo(ParsedMail.Kind.ORDINARY);
    }

    @Test
    void aBounceNamesTheFailedRecipientAndTheOriginalMessage() throws Exception {
        ParsedMail mail = parse("bounce.eml");
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.DELIVERY_REPORT);
        assertThat(mail.bounce().failedRecipients()).containsExactly("gone@example.org");
        assertThat(mail.bounce().originalMessageId()).isEqualTo("<11111111-2222-4333-8444-555555555555@hub.localhost>");
    }

    @Test
    void mailWithoutASenderOrWithABrokenStructureIsUnparsable() {
        assertThatThrownBy(() -> parse("no-sender.eml"))
                .isInstanceOf(UnparsableMailException.class)
                .hasMessageContaining("sender");
        assertThatThrownBy(() -> parse("broken-multipart.eml")).isInstanceOf(UnparsableMailException.class);
    }

    @Test
    void anHtmlMailKeepsItsParagraphsListsAndLinkTargets() throws Exception {
        String html = "<html><head><title>t</title><style>p{}</style><script>alert(1)</script></head><body>"
                + "<h1>Leaked data</h1><p>The dataset <a href=\"https://huggingface.co/datasets/acme/leak\">acme/leak</a> holds"
                + "<br>personal&nbsp;data &amp; more.</p><div>See also <a href=\"https://huggingface.co/acme/evil\">"
                + "https://huggingface.co/acme/evil</a></div><ul><li>row 1</li><li>row <b>2</b></li></ul>"
                + "<table><tr><td>a</td><td>b</td></tr></table><!-- hidden --><p>Regards,<br>Jane</p></body></html>";
        ParsedMail mail = parser.parse(htmlMail(html));
        assertThat(mail.text())
                .isEqualTo(
                        "Leaked data\n\nThe dataset acme/leak (https://huggingface.co/datasets/acme/leak) holds\n"
                                + "personal data & more.\n\nSee also https://huggingface.co/acme/evil\n\n- row 1\n- row 2\n\nab\n\nRegards,\nJane");
    }

    @Test
    void oneMegabyteOfUnclosedScriptTagsIsRefusedAtOnceNotParsedForMinutes() {
        byte[] raw = htmlMail("<html><body><p>hi</p>" + "<script>".repeat(131_072));
        long started = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(raw, System.nanoTime() + 5_000_000_000L))
                .isInstanceOf(UnparsableMailException.class)
                .hasMessageContaining("more than the " + MimeParser.DEFAULT_MAX_HTML_CHARS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void unclosedScriptTagsUnderTheSizeLimitParseInMilliseconds() throws Exception {
        // The mail: 400 KB of unclosed <script> tags held the regex version for minutes.
        byte[] raw = htmlMail("<p>Report</p>" + "<script>".repeat(50_000));
        long started = System.nanoTime();
        ParsedMail mail = parser.parse(raw, System.nanoTime() + 5_000_000_000L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(mail.text()).isEqualTo("Report");
    }

    @Test
    void htmlNestedAHundredThousandDivsDeepIsRefusedQuickly() {
        byte[] raw = htmlMail("<html><body>" + "<div>".repeat(100_000) + "deep");
        long started = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(raw, System.nanoTime() + 5_000_000_000L))
                .isInstanceOf(UnparsableMailException.class)
                .hasMessageContaining("nested deeper than");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aParsePastItsDeadlineIsUnparsable() {
        byte[] raw = htmlMail("<p>" + "word ".repeat(50_000) + "</p>");
        assertThatThrownBy(() -> parser.parse(raw, System.nanoTime() - 1))
                .isInstanceOf(UnparsableMailException.class)
                .hasMessageContaining("time budget");
    }

    /** An HTML-only mail as a mail client sends it (quoted-printable). */
    static byte[] htmlMail(String html) {
        try {
            jakarta.mail.internet.MimeMessage message =
                    new jakarta.mail.internet.MimeMessage(Session.getInstance(new Properties()));
            message.setFrom("jane@example.net");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "safety@hub.localhost");
            message.setSubject("HTML report");
            message.setContent(html, "text/html; charset=UTF-8");
            message.saveChanges();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
