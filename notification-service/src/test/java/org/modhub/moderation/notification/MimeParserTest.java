package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
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
        assertThat(mail.attachments()).extracting(ParsedMail.Attachment::name, ParsedMail.Attachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shot.png", "image/png"),
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
        assertThat(mail.text()).isEqualTo("Hello,\n\nplease remove this dataset (https://huggingface.co/datasets/acme/leak) & its copies."
                + "\n\n- one\n- two");
        assertThat(mail.text()).doesNotContain("color: red").doesNotContain("<");
        assertThat(mail.inReplyTo()).isEqualTo("<5f0c6f2e-0000-4000-8000-000000000001@hub.localhost>");
        assertThat(mail.references()).containsExactly("<older@example.org>", "<5f0c6f2e-0000-4000-8000-000000000001@hub.localhost>");
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
        assertThatThrownBy(() -> parse("no-sender.eml")).isInstanceOf(UnparsableMailException.class).hasMessageContaining("sender");
        assertThatThrownBy(() -> parse("broken-multipart.eml")).isInstanceOf(UnparsableMailException.class);
    }
}
