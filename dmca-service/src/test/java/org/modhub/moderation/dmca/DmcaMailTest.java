package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitMail;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.mail;
import static org.modhub.moderation.dmca.DmcaFixtures.mailTo;
import static org.modhub.moderation.dmca.DmcaFixtures.sendMail;
import static org.modhub.moderation.dmca.DmcaFixtures.sendRouted;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Mail to dmca@ (from mail.inbound) becomes a notice; what is missing is asked for on its thread. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class DmcaMailTest {

    @Inject
    DataSource db;

    @Test
    void aMailBecomesANoticeWithWhatCouldBeRecognisedAndTheReplyCompletesIt() {
        String from = unique("counsel") + "@lawfirm.example";
        String repo = unique("ns") + "/model";
        String body = """
                Dear Sir or Madam,

                Copyrighted work: the novel "Rivers" (2019), https://publisher.example/rivers
                The model at %s%s reproduces it verbatim.

                I have a good faith belief that use of the material in the manner complained of is not authorized by the
                copyright owner, its agent, or the law. The information in this notification is accurate, and under
                penalty of perjury, I am authorized to act on behalf of the owner.

                Company: Riverside Publishing LLC
                Address: 5 Harbour Road, Boston, MA 02110
                """.formatted(HUB, repo);
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail("dmca", mail("Ann Counsel <" + from + ">", "DMCA takedown notice", body, null));
            var ask = awaitMail(mails, m -> m.recipientEmail().equals(from));
            assertThat(ask.templateId()).isEqualTo("dmca-notice-incomplete");
            assertThat(ask.parameters().get("missingElements")).isEqualTo("signature");
            assertThat(ask.replyMailbox()).isEqualTo("dmca");
            String noticeId = ask.threadKey().substring("dmca_notice:".length());
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    NoticeReceived.TYPE,
                                    NoticeReceived.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.channel()).isEqualTo(NoticeChannel.EMAIL);
                                assertThat(e.missingElements()).containsExactly(DmcaNoticeElement.SIGNATURE);
                                assertThat(e.subjects())
                                        .extracting(s -> s.key())
                                        .containsExactly("model:" + repo);
                            }));
            List<Object> row = rows(
                            db,
                            "SELECT contact_name, contact_organisation, contact_address, status FROM dmca_notice WHERE id = ?::uuid",
                            noticeId)
                    .get(0);
            assertThat(row)
                    .containsExactly(
                            "Ann Counsel",
                            "Riverside Publishing LLC",
                            "5 Harbour Road, Boston, MA 02110",
                            "INCOMPLETE");

            // An out-of-office answer on the thread changes nothing; the signed reply completes the notice.
            sendMail("dmca", mail(from, "Automatic reply: DMCA", "I am away.", ask.threadKey()));
            sendMail("dmca", mail(from, "Re: DMCA takedown notice", "/s/ Ann Counsel", ask.threadKey()));
            awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(from)
                            && m.templateId().equals("dmca-notice-received")
                            && m.threadKey().equals(ask.threadKey()));
            assertThat(rows(db, "SELECT status, signature FROM dmca_notice WHERE id = ?::uuid", noticeId)
                            .get(0))
                    .containsExactly("PENDING_REVIEW", "Ann Counsel");
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", from))
                    .isEqualTo(1);
        }
    }

    @Test
    void otherMailboxesAndBouncesNeverBecomeNotices() {
        String from = unique("someone") + "@mail.example";
        String text = "Copyrighted work: my song. " + HUB + unique("ns") + "/model good faith belief";
        sendMail("safety", mail(from, "Infringement", text, null));
        sendMail("dmca", mail("MAILER-DAEMON@mail.example", "Undelivered Mail Returned to Sender", text, null));
        sendMail("dmca", mail(from, "Out of office", text, null));
        String marker = unique("marker") + "@mail.example";
        sendMail("dmca", mail(marker, "DMCA", text, null));
        // dmca@ mail is keyed "dmca", one partition, in order: once the last one made its notice, the others were seen.
        await().atMost(WAIT)
                .until(() -> count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", marker) == 1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM dmca_notice WHERE sender_email IN (?, ?)",
                        from,
                        "mailer-daemon@mail.example"))
                .isZero();
    }

    @Test
    void aNoticeWrappedAt72ColumnsAsMailClientsSendItIsCompleteAndItsReceiptAnswersTheMail() {
        String from = unique("counsel") + "@lawfirm.example";
        String repo = unique("ns") + "/model";
        // CRLF, statements broken mid-phrase at 72 columns, double spaces, the signature block quoted from a draft.
        String body = String.join(
                "\r\n",
                "Dear Copyright Agent,",
                "",
                "Copyrighted work: the novel \"Rivers\" (2019), https://publisher.example/rivers",
                "The model at " + HUB + repo + " reproduces it verbatim.",
                "",
                "I have a good faith",
                "belief that use of the material in the manner",
                "complained of is not authorized by the copyright owner, its agent, or",
                "the law.  The information in this notification is accurate, and under penalty",
                "of perjury, I am authorized to act on behalf of the owner of an",
                "exclusive right that is allegedly infringed.",
                "",
                "> /s/ Ann Counsel",
                "> Company: Riverside Publishing LLC",
                "> Address: 5 Harbour Road, Boston, MA 02110");
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            var sent = mail("Ann Counsel <" + from + ">", "DMCA takedown notice", body, null);
            sendMail("dmca", sent);
            var receipt = awaitMail(mails, m -> m.recipientEmail().equals(from));
            // The claimant is no longer told an element is missing that is there.
            assertThat(receipt.templateId()).isEqualTo("dmca-notice-received");
            assertThat(receipt.inReplyTo()).isEqualTo(sent.messageId());
            String noticeId = receipt.threadKey().substring("dmca_notice:".length());
            assertThat(rows(
                                    db,
                                    "SELECT status, signature, good_faith, accurate, authorised, cardinality(missing_elements) FROM "
                                            + "dmca_notice WHERE id = ?::uuid",
                                    noticeId)
                            .get(0))
                    .containsExactly("PENDING_REVIEW", "Ann Counsel", true, true, true, 0);
        }
    }

    @Test
    void aClaimantsReplyOnTheNoticeThreadThatArrivesAtLegalIsHandledHere() {
        String from = unique("counsel") + "@lawfirm.example";
        String repo = unique("ns") + "/model";
        String body = """
                Copyrighted work: the novel "Rivers" (2019)
                The model at %s%s reproduces it verbatim.
                I have a good faith belief that this use is not authorized. The information in this notification is
                accurate, and under penalty of perjury, I am authorized to act on behalf of the owner.
                Address: 5 Harbour Road, Boston, MA 02110
                """.formatted(HUB, repo);
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail("dmca", mail("Ann Counsel <" + from + ">", "DMCA takedown notice", body, null));
            var ask = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(from) && m.templateId().equals("dmca-notice-incomplete"));
            // The claimant writes to legal@ instead of replying to dmca@, with our mail quoted: the thread decides.
            var reply = mailTo(
                    "legal",
                    from,
                    "Re: Your DMCA notice is incomplete",
                    "/s/ Ann Counsel\n\n> Please reply to this mail",
                    ask.threadKey(),
                    List.of());
            assertThat(reply.partitionKey()).isEqualTo("dmca");
            sendRouted(reply);
            var receipt = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(from) && m.templateId().equals("dmca-notice-received"));
            assertThat(receipt.threadKey()).isEqualTo(ask.threadKey());
            assertThat(receipt.inReplyTo()).isEqualTo(reply.messageId());
            String noticeId = ask.threadKey().substring("dmca_notice:".length());
            assertThat(rows(db, "SELECT status, signature FROM dmca_notice WHERE id = ?::uuid", noticeId)
                            .get(0))
                    .containsExactly("PENDING_REVIEW", "Ann Counsel");
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", from))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE action = 'NOTICE_REVISED_BY_MAIL' AND entity_id = ? "
                                    + "AND actor = 'system:dmca-service' AND detail LIKE '%via legal@%'",
                            noticeId))
                    .isEqualTo(1);
        }
    }

    @Test
    void mailOfAnotherServicesThreadIsNotOurs() {
        String from = unique("someone") + "@mail.example";
        String text = "Copyrighted work: my song. " + HUB + unique("ns") + "/model good faith belief";
        // A reply on an appeal's thread that was sent to dmca@ belongs to appeals-service, even if it reached us.
        sendMail(
                "dmca",
                mailTo("dmca", from, "Re: your appeal", text, "appeal:" + java.util.UUID.randomUUID(), List.of()));
        String marker = unique("marker") + "@mail.example";
        sendMail("dmca", mail(marker, "DMCA", text, null));
        await().atMost(WAIT)
                .until(() -> count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", marker) == 1);
        assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", from))
                .isZero();
    }
}
