package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.ScrapedMetrics;
import org.modhub.moderation.kit.metrics.MetricSampler;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A stalled inbox and a stalled outbox as the operator sees them on /q/metrics, each crossing the threshold of its
 * alert (k8s chart alerts.yaml: InboxNotPolled above 600 s, InboundMailWaiting above 900 s, OutboundMailStalled above
 * 900 s) on a moved clock, while the mailboxes that work stay quiet.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class MailMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LAST_SUCCESS = "notification_inbound_last_success_age_seconds";
    private static final String OLDEST = "notification_inbound_oldest_unprocessed_seconds";
    private static final String OUTBOUND = "notification_outbound_oldest_unsent_seconds";
    private static final String POLL_FAILURES = "notification_inbound_poll_failures_total";
    private static final String STALL = "metrics_test_stall";

    @InjectDevStack
    DevStack devStack;

    @Inject
    MutableClock clock;

    @Inject
    MetricSampler sampler;

    @Inject
    DataSource db;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void putBack() {
        clock.reset();
        update(db, "ALTER TABLE inbound_mail DROP CONSTRAINT IF EXISTS " + STALL);
    }

    /**
     * The inbox stalls on one mail, as safety@ once did on a hostile one: every poll of legal@ fails on it, while the
     * other mailboxes are read. All three signals show it: the failures, the time since the last poll that completed,
     * and the age of the mail left in the inbox.
     */
    @Test
    void aMailTheGatewayCannotRecordStallsItsInboxAndShowsHowLongItHasWaited() throws Exception {
        awaitRead("legal");
        // The database refuses legal@'s mail (as it would a row it cannot store): each poll fails on that message.
        update(db, "ALTER TABLE inbound_mail ADD CONSTRAINT " + STALL + " CHECK (mailbox <> 'legal') NOT VALID");
        double failures = ScrapedMetrics.scrape().count(POLL_FAILURES, "mailbox", "legal");
        String subject = "Stuck " + UUID.randomUUID();
        MimeMessage mail = new MimeMessage(devStack.mail().smtpSession());
        mail.setFrom(new InternetAddress("counsel@example.net"));
        mail.setRecipients(
                jakarta.mail.Message.RecipientType.TO, devStack.mail().address("legal"));
        mail.setSubject(subject);
        mail.setText("A court order is attached.");
        devStack.mail().send(mail);
        String messageId = mail.getMessageID().replace("<", "").replace(">", "");

        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics seen = ScrapedMetrics.scrape();
            assertThat(seen.count(POLL_FAILURES, "mailbox", "legal")).isGreaterThan(failures);
            assertThat(seen.value(OLDEST, "mailbox", "legal")).isGreaterThan(0);
        });
        clock.advance(Duration.ofMinutes(20));
        await().atMost(WAIT).untilAsserted(() -> {
            ScrapedMetrics seen = ScrapedMetrics.scrape();
            assertThat(seen.value(OLDEST, "mailbox", "legal"))
                    .as("InboundMailWaiting fires above 900 s")
                    .isGreaterThan(900);
            assertThat(seen.value(LAST_SUCCESS, "mailbox", "legal"))
                    .as("InboxNotPolled fires above 600 s")
                    .isGreaterThan(600);
            assertThat(seen.value(LAST_SUCCESS, "mailbox", "safety"))
                    .as("safety@ is still read on the moved clock")
                    .isLessThan(60);
            assertThat(seen.value(OLDEST, "mailbox", "safety")).isLessThan(900);
        });

        update(db, "ALTER TABLE inbound_mail DROP CONSTRAINT " + STALL);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count(
                            db,
                            "SELECT count(*) FROM inbound_mail WHERE mailbox = 'legal' AND message_id LIKE ?",
                            "%" + messageId + "%"))
                    .isEqualTo(1);
            assertThat(ScrapedMetrics.scrape().value(OLDEST, "mailbox", "legal"))
                    .isZero();
        });
    }

    @Test
    void aMailTheRateLimitHoldsBackIsNoStallButOneTheSmtpServerDoesNotTakeIs() throws Exception {
        // The test profile allows 3 mails per address and hour: the fourth waits, as the policy wants.
        String held = newRecipient("rate-limited");
        List.of(receipt(held), receipt(held), receipt(held), receipt(held)).forEach(NotificationFixtures::publish);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'QUEUED' "
                                    + "AND last_error LIKE 'rate limited%'",
                            held))
                    .isEqualTo(1);
            // The three before it sent, not still SENDING: a SENDING mail is one the gauge counts (CI once sampled
            // the third mid-send, 20 minutes old after the clock moved).
            assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'SENT'", held))
                    .isEqualTo(3);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE status IN ('QUEUED', 'SENDING') AND recipient <> ?",
                            held))
                    .as("no other mail waiting")
                    .isZero();
        });
        clock.advance(Duration.ofMinutes(20));
        OnVertx.await(() -> sampler.sampleNow());
        assertThat(ScrapedMetrics.scrape().value(OUTBOUND))
                .as("a mail the recipient's rate limit holds is not one the SMTP server failed to take")
                .isLessThan(900);

        String stalled = newRecipient("smtp-down");
        devStack.mail().stop();
        try {
            publish(receipt(stalled));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(count(
                                    db,
                                    "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'QUEUED' "
                                            + "AND attempts >= 1",
                                    stalled))
                            .isEqualTo(1));
            clock.advance(Duration.ofMinutes(20));
            OnVertx.await(() -> sampler.sampleNow());
            assertThat(ScrapedMetrics.scrape().value(OUTBOUND))
                    .as("OutboundMailStalled fires above 900 s")
                    .isGreaterThan(900);
        } finally {
            devStack.mail().start();
        }
    }

    @Test
    void aMailToASuppressedAddressIsCountedNotSent() {
        String to = newRecipient("suppressed-count");
        update(db, "INSERT INTO mail_suppression (address, reason, created_at) VALUES (?, 'hard bounce', now())", to);
        double before = ScrapedMetrics.scrape().count("notification_mail_suppressed_total", "reason", "bounced");
        publish(receipt(to));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ScrapedMetrics.scrape()
                                .count("notification_mail_suppressed_total", "reason", "bounced"))
                        .isEqualTo(before + 1));
        assertThat(devStack.mail().messages(to)).isEmpty();
    }

    /** A poll of the mailbox completed since now (its age fell below a second's polls). */
    private void awaitRead(String mailbox) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ScrapedMetrics.scrape().value(LAST_SUCCESS, "mailbox", mailbox))
                        .isLessThan(5));
    }
}
