package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.notification.NotificationFixtures.as;
import static org.modhub.moderation.notification.NotificationFixtures.mail;
import static org.modhub.moderation.notification.NotificationFixtures.messageIds;
import static org.modhub.moderation.notification.NotificationFixtures.newMessageId;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.privacy.RetentionJob;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The daily retention run over notification-service's data, walked through two years on a moved clock: handled mail
 * leaves the mail server after 30 days, inbound mail forgets its sender and attachments after 90, mail kept for staff
 * goes after 180, the delivery log forgets the recipient after 365, a suppression after 730 — each not a day before.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectDevStack
    DevStack devStack;

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    RetentionJob retention;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachKindGoesWhenItsPeriodIsOverAndNotADayBefore() throws Exception {
        // --- seeded now: a delivery, a mail to safety@ and one to feedback@ (each with a file), a suppression ---
        String recipient = newRecipient("retained");
        NotificationRequested request = receipt(recipient);
        publish(request);
        String sender = newRecipient("sender");
        String toSafety = newMessageId();
        String toFeedback = newMessageId();
        devStack.mail()
                .send(mail(
                        devStack,
                        sender,
                        devStack.mail().address("safety"),
                        toSafety,
                        "Malware",
                        "A trojan in acme/evil",
                        "scan"));
        devStack.mail()
                .send(mail(
                        devStack,
                        sender,
                        devStack.mail().address("feedback"),
                        toFeedback,
                        "A question",
                        "Why?",
                        "draft"));
        String bounced = newRecipient("bounced");
        update(
                db,
                "INSERT INTO mail_suppression (address, reason, created_at) VALUES (?, 'hard bounce', now())",
                bounced);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(messageIds(devStack, "safety", "Processed")).contains(toSafety);
            assertThat(messageIds(devStack, "feedback", "Processed")).contains(toFeedback);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE idempotency_key = ? AND status = 'SENT'",
                            request.idempotencyKey()))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'SENT'", sender))
                    .as("the receipt of the feedback mail")
                    .isEqualTo(1);
        });

        // 29 days on: nothing of it goes.
        runAt(29);
        assertThat(messageIds(devStack, "safety", "Processed")).contains(toSafety);
        assertThat(messageIds(devStack, "feedback", "Processed")).contains(toFeedback);
        assertAllKept(recipient, sender, bounced, toSafety, toFeedback);

        // 31 days: the handled messages leave the mail server; the database keeps everything.
        Map<String, Integer> removed = runAt(31);
        assertThat(removed.get("mailbox-messages")).isGreaterThanOrEqualTo(2);
        assertThat(messageIds(devStack, "safety", "Processed")).doesNotContain(toSafety);
        assertThat(messageIds(devStack, "feedback", "Processed")).doesNotContain(toFeedback);
        assertAllKept(recipient, sender, bounced, toSafety, toFeedback);

        // 89 days: still nothing more. 91: the safety@ mail forgets its sender and its file; mail kept for staff stays.
        runAt(89);
        assertThat(senderOf(toSafety)).isEqualTo(sender);
        assertThat(attachmentsOf(toSafety)).isEqualTo(1);
        removed = runAt(91);
        assertThat(removed.get("inbound-mail")).isGreaterThanOrEqualTo(1);
        assertThat(senderOf(toSafety)).isNull();
        assertThat(attachmentsOf(toSafety)).isZero();
        assertThat(rows(db, "SELECT disposition FROM inbound_mail WHERE message_id = ?", toSafety))
                .as("the record that it arrived stays")
                .containsExactly(List.of("PUBLISHED"));
        assertThat(senderOf(toFeedback)).isEqualTo(sender);
        assertThat(attachmentsOf(toFeedback)).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE message_id = ?", toFeedback))
                .isEqualTo(1);

        // 179 days: the mail kept for staff stays; 181: it goes with its file, and its record forgets the sender.
        runAt(179);
        assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE message_id = ?", toFeedback))
                .isEqualTo(1);
        removed = runAt(181);
        assertThat(removed.get("unmatched-mail")).isGreaterThanOrEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE message_id = ?", toFeedback))
                .isZero();
        assertThat(attachmentsOf(toFeedback)).isZero();
        assertThat(senderOf(toFeedback)).isNull();

        // 364 days: the delivery log still names the recipients; 366: only template, status and times stay.
        runAt(364);
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient IN (?, ?)", recipient, sender))
                .isEqualTo(2);
        removed = runAt(366);
        assertThat(removed.get("mail-deliveries")).isGreaterThanOrEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient IN (?, ?)", recipient, sender))
                .isZero();
        assertThat(rows(
                        db,
                        "SELECT recipient, recipient_user_id, parameters::text, subject_line, template_id, status "
                                + "FROM mail_delivery WHERE idempotency_key = ?",
                        request.idempotencyKey()))
                .containsExactly(Arrays.asList("expired", null, "{}", null, "report-receipt", "SENT"));
        // The suppression is kept for two years: not at 729 days, gone at 731.
        runAt(729);
        assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", bounced))
                .isEqualTo(1);
        removed = runAt(731);
        assertThat(removed.get("suppressions")).isGreaterThanOrEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", bounced))
                .isZero();
        // A second run finds nothing more of it.
        assertThat(runAt(732)).containsEntry("mail-deliveries", 0).containsEntry("suppressions", 0);
    }

    @Test
    void theScheduleListsEveryKindWithItsPeriodForLegalButNotForAModerator() {
        as("legal-lee", Roles.LEGAL)
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .body(
                        "schedule.kind",
                        containsInAnyOrder(
                                "mail-deliveries",
                                "inbound-mail",
                                "unmatched-mail",
                                "mailbox-messages",
                                "suppressions",
                                "finished-timers"))
                .body("schedule.find { it.kind == 'mail-deliveries' }.days", equalTo(365))
                .body("schedule.find { it.kind == 'inbound-mail' }.days", equalTo(90))
                .body("schedule.find { it.kind == 'unmatched-mail' }.days", equalTo(180))
                .body("schedule.find { it.kind == 'mailbox-messages' }.days", equalTo(30))
                .body("schedule.find { it.kind == 'suppressions' }.days", equalTo(730));
        as("mod-kim", Roles.MODERATOR).get("/api/v1/privacy/retention").then().statusCode(403);
    }

    // --- helpers ---

    /** Moves the clock {@code days} days ahead of now and runs the retention as the daily job does. */
    private Map<String, Integer> runAt(int days) throws Exception {
        clock.setAhead(Duration.ofDays(days));
        return OnVertx.await(retention::runNow);
    }

    private void assertAllKept(String recipient, String sender, String bounced, String toSafety, String toFeedback) {
        assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient IN (?, ?)", recipient, sender))
                .isEqualTo(2);
        assertThat(senderOf(toSafety)).isEqualTo(sender);
        assertThat(senderOf(toFeedback)).isEqualTo(sender);
        assertThat(attachmentsOf(toSafety)).isEqualTo(1);
        assertThat(attachmentsOf(toFeedback)).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE message_id = ?", toFeedback))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", bounced))
                .isEqualTo(1);
    }

    private Object senderOf(String messageId) {
        return rows(db, "SELECT from_address FROM inbound_mail WHERE message_id = ?", messageId)
                .get(0)
                .get(0);
    }

    private long attachmentsOf(String messageId) {
        return count(
                db,
                "SELECT count(*) FROM inbound_attachment a JOIN inbound_mail m ON m.id = a.mail_id WHERE m.message_id = ?",
                messageId);
    }
}
