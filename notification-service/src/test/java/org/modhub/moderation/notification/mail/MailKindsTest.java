package org.modhub.moderation.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Telling auto-replies and delivery reports from ordinary mail, and what a report says failed, without the stack. */
class MailKindsTest {

    @Test
    void aDeliveryReportNamesTheRecipientsThatFailedForGoodAndTheMailThatBounced() {
        String dsn = """
                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; <Gone@Example.org>
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822; later@example.org
                Action: delayed
                Status: 4.4.7

                Final-Recipient: rfc822; full@example.org
                Action: failed
                Status: 4.2.2
                """;
        ParsedMail.Bounce bounce = MailKinds.bounce(dsn, "From: notify@hub.example\nMessage-ID: <abc@hub.example>\n");
        assertThat(bounce.failedRecipients()).containsExactly("gone@example.org");
        assertThat(bounce.originalMessageId()).isEqualTo("<abc@hub.example>");
        assertThat(MailKinds.bounce(null, null)).isEqualTo(new ParsedMail.Bounce(java.util.List.of(), null));
    }

    @Test
    void autoSubmittedOrAVendorHeaderMakesAnAutoReplyButAutoSubmittedNoDoesNot() throws Exception {
        assertThat(kind("From: kim@example.org\nAuto-Submitted: auto-replied\n"))
                .isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(kind("From: kim@example.org\nX-Autoreply: yes\n")).isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(kind("From: kim@example.org\nPrecedence: bulk\n")).isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(kind("From: kim@example.org\nX-Auto-Response-Suppress: All\nSubject: Out of office\n"))
                .isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(kind("From: kim@example.org\nAuto-Submitted: no\nSubject: Out of office\n"))
                .isEqualTo(ParsedMail.Kind.ORDINARY);
    }

    @Test
    void theMailerDaemonOrADeliveryStatusReportIsADeliveryReport() throws Exception {
        assertThat(kind("From: MAILER-DAEMON@mx.example.org\n")).isEqualTo(ParsedMail.Kind.DELIVERY_REPORT);
        assertThat(kind("From: postmaster@mx.example.org\n")).isEqualTo(ParsedMail.Kind.ORDINARY);
        assertThat(kind("From: postmaster@mx.example.org\nAuto-Submitted: auto-replied\n"))
                .isEqualTo(ParsedMail.Kind.DELIVERY_REPORT);
        assertThat(
                        kind(
                                "From: mx@example.org\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n"))
                .isEqualTo(ParsedMail.Kind.DELIVERY_REPORT);
    }

    private static ParsedMail.Kind kind(String headers) throws Exception {
        MimeMessage message = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream((headers + "\nbody\n").getBytes(StandardCharsets.UTF_8)));
        String from = message.getFrom()[0].toString();
        return MailKinds.kindOf(message, from.substring(from.indexOf('<') + 1).replace(">", ""), false);
    }
}
