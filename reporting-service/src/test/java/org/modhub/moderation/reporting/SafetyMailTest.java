package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.data;
import static org.modhub.moderation.reporting.ReportingFixtures.mail;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendMail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Mail to safety@ (from mail.inbound) becomes reports; the notifier is asked for a missing location. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class SafetyMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String sender() {
        return "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private long reportsOf(String sender) {
        return count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "email:" + sender);
    }

    @Test
    void aMailNamingHubUrlsBecomesOneReportPerSubjectWithItsCategoryAndText() {
        String from = sender();
        String model = newModel();
        String dataset = newModel();
        String body = "Hello,\nthe model https://huggingface.co/" + model
                + " ships a trojan in its pickle files, and so does " + "https://huggingface.co/datasets/" + dataset
                + ". See https://evidence.example.org/scan-result.\nJane";
        InboundMailReceived sent = mail("safety", "Jane Doe <" + from + ">", "Malware on your hub", body, null);
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail(sent);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> from.equals(e.reporterEmail()))
                            .hasSize(2)
                            .allSatisfy(e -> {
                                assertThat(e.channel()).isEqualTo(ReportChannel.EMAIL);
                                assertThat(e.subcategory()).isEqualTo(PolicySubcategory.MALWARE);
                                assertThat(e.visibility()).isEqualTo(ReportVisibility.PRIVATE);
                                assertThat(e.reporterId()).isNull();
                                assertThat(e.evidenceUrls())
                                        .containsExactly("https://evidence.example.org/scan-result");
                            })
                            .extracting(e -> e.subject().key())
                            .containsExactlyInAnyOrder("model:" + model, "dataset:" + dataset));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.recipientEmail().equals(from)
                                    && m.templateId().equals("report-receipt"))
                            .hasSize(2)
                            // Each receipt answers Jane's mail, so her mail client shows it in the same conversation.
                            .allSatisfy(m -> assertThat(m.inReplyTo()).isEqualTo(sent.messageId())));
        }
        as("mod-1", "moderator")
                .queryParam("subject", "model:" + model)
                .queryParam("channel", "EMAIL")
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("items[0].contactEmail", equalTo(from))
                .body("items[0].category", equalTo("platform_abuse"));
    }

    @Test
    void aMailWithoutAHubUrlAsksForTheLocationAndTheReplyCompletesTheReport() {
        String from = sender();
        String model = newModel();
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            InboundMailReceived first = mail(
                    "safety",
                    from,
                    "Harassment",
                    "Someone keeps posting harassment about me in a model's community tab.",
                    null);
            sendMail(first);
            NotificationRequested ask = await().atMost(WAIT)
                    .until(
                            () -> mails.ofType(NotificationRequested.TYPE).stream()
                                    .map(v -> data(v, NotificationRequested.class))
                                    .filter(m -> m.recipientEmail().equals(from)
                                            && m.templateId().equals("report-location-request"))
                                    .findFirst()
                                    .orElse(null),
                            m -> m != null);
            assertThat(ask.replyMailbox()).isEqualTo("safety");
            assertThat(ask.threadKey()).startsWith("report:");
            assertThat(ask.inReplyTo()).isEqualTo(first.messageId());
            UUID reportId = UUID.fromString(ask.threadKey().substring("report:".length()));
            assertThat(events.ofType(ReportFiled.TYPE)).noneMatch(v -> v.contains(reportId.toString()));

            // An out-of-office answer on the thread neither completes the report nor starts a mail loop.
            sendMail(mail(
                    "safety", from, "Automatic reply: Where exactly?", "I am away until Monday.", ask.threadKey()));
            InboundMailReceived answer = mail(
                    "safety",
                    from,
                    "Re: Harassment",
                    "It is here: https://huggingface.co/" + model + "/discussions/7",
                    ask.threadKey());
            sendMail(answer);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> e.reportId().equals(reportId))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.subject().key()).isEqualTo("discussion:model:" + model + "#7");
                                assertThat(e.subcategory()).isEqualTo(PolicySubcategory.HARASSMENT);
                            }));
            // The completed report is confirmed on the same thread; the location was asked for once.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.threadKey().equals(ask.threadKey()))
                            .extracting(NotificationRequested::templateId, NotificationRequested::inReplyTo)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("report-location-request", first.messageId()),
                                    org.assertj.core.groups.Tuple.tuple("report-receipt", answer.messageId())));
            // The reply's words joined the explanation review reads.
            assertThat(events.ofType(ReportFiled.TYPE))
                    .map(v -> data(v, ReportFiled.class))
                    .filteredOn(e -> e.reportId().equals(reportId))
                    .singleElement()
                    .satisfies(e -> assertThat(e.explanation())
                            .contains("community tab")
                            .contains("It is here"));
        }
        assertThat(reportsOf(from)).isEqualTo(1);
        assertThat(Sql.rows(
                                db,
                                "SELECT original_text FROM report WHERE id = ?",
                                UUID.fromString(
                                        Sql.rows(db, "SELECT id FROM report WHERE notifier_key = ?", "email:" + from)
                                                .get(0)
                                                .get(0)
                                                .toString()))
                        .get(0)
                        .get(0)
                        .toString())
                .contains("community tab")
                .contains("It is here");
    }

    @Test
    void autoRepliesBouncesOtherMailboxesAndOtherServicesThreadsNeverBecomeReports() {
        String from = sender();
        String model = newModel();
        String url = " https://huggingface.co/" + model + " spam";
        sendMail(mail("safety", from, "Automatic reply: Your report", "I am out of office." + url, null));
        sendMail(mail(
                "safety", "MAILER-DAEMON@mail.example.net", "Undelivered Mail Returned to Sender", "spam" + url, null));
        sendMail(mail("safety", from, "Out of Office", "Back on Monday." + url, null));
        // dmca@ mail on no thread is dmca-service's, even on a record wrongly keyed for this service; a record keyed
        // for
        // another service is skipped unread.
        sendMail("reporting", mail("dmca", from, "Takedown", "Copyright infringement at" + url, null));
        sendMail("dmca", mail("safety", from, "Spam", "spam at" + url, null));
        // An owner answering review-service's change request from safety@: its thread, not a report (keyed "review" by
        // the
        // gateway; checked again after decoding when a record says otherwise).
        InboundMailReceived ownersAnswer = mail(
                "safety",
                from,
                "Re: Changes requested",
                "I removed it, see" + url,
                "case:" + java.util.UUID.randomUUID());
        assertThat(ownersAnswer.partitionKey()).isEqualTo("review");
        sendMail(ownersAnswer);
        sendMail("reporting", ownersAnswer);
        // A notifier answering their outcome mail (thread decision:) at safety@ contests the decision at
        // appeals-service.
        sendMail(
                "reporting",
                mail("safety", from, "Re: Outcome", "I disagree, see" + url, "decision:" + UUID.randomUUID()));
        // Same key, same partition: once this is applied, the mails before it were handled.
        sendMail(mail("safety", from, "Spam", "This is spam:" + url, null));

        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(from)).isEqualTo(1));
        assertThat(count(
                        db,
                        "SELECT count(*) FROM report WHERE notifier_key = ?",
                        "email:mailer-daemon@mail.example.net"))
                .isZero();
        assertThat(Sql.rows(db, "SELECT subcategory FROM report WHERE notifier_key = ?", "email:" + from)
                        .get(0))
                .containsExactly("SPAM");
    }

    @Test
    void theLocationIsAskedForAtMostThreeTimesSoAnAutoResponderCannotLoop() {
        String from = sender();
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail(mail("safety", from, "Abuse", "Someone harasses me on your site.", null));
            String thread = await().atMost(WAIT)
                    .until(
                            () -> mails.ofType(NotificationRequested.TYPE).stream()
                                    .map(v -> data(v, NotificationRequested.class))
                                    .filter(m -> m.recipientEmail().equals(from))
                                    .map(NotificationRequested::threadKey)
                                    .findFirst()
                                    .orElse(null),
                            t -> t != null);
            // A responder the filters do not recognise answers every request without a location.
            for (int i = 0; i < 4; i++) {
                sendMail(mail(
                        "safety", from, "Re: Abuse", "Thank you for your message. We will get back to you.", thread));
            }
            // Same key, same partition: once this marker is a report, every reply before it was handled.
            String marker = sender();
            sendMail(mail("safety", marker, "Spam", "spam at https://huggingface.co/" + newModel(), null));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(reportsOf(marker)).isEqualTo(1));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ? AND payload LIKE ?",
                            Topics.NOTIFICATION_REQUESTS,
                            "%" + thread + "%",
                            "%report-location-request%"))
                    .isEqualTo(3);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.threadKey().equals(thread))
                            .extracting(NotificationRequested::templateId)
                            .containsExactly(
                                    "report-location-request", "report-location-request", "report-location-request"));
        }
        assertThat(Sql.rows(db, "SELECT status FROM report WHERE notifier_key = ?", "email:" + from))
                .containsExactly(List.of("AWAITING_LOCATION"));
    }

    @Test
    void aMutedSendersMailIsRecordedAndConfirmedButHeldFromReview() {
        String from = sender();
        String model = newModel();
        as("mod-1", "moderator")
                .body(Map.of("reason", "Sends the same complaint daily"))
                .post("/api/v1/notifiers/email:" + from + "/mute")
                .then()
                .statusCode(200)
                .body("muted", equalTo(true));
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail(mail("safety", from, "Spam again", "More spam at https://huggingface.co/" + model, null));
            await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(from)).isEqualTo(1));
            String id = Sql.rows(db, "SELECT id FROM report WHERE notifier_key = ?", "email:" + from)
                    .get(0)
                    .get(0)
                    .toString();
            as("mod-1", "moderator")
                    .get("/api/v1/reports/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("MUTED"))
                    .body("subject", equalTo("model:" + model));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.threadKey().equals("report:" + id))
                            .extracting(NotificationRequested::templateId)
                            .containsExactly("report-receipt"));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ?",
                            Topics.REPORTING_EVENTS,
                            "%" + id + "%"))
                    .isZero();
        }
    }

    @Test
    void aRedeliveredMailIsOneReport() {
        String from = sender();
        InboundMailReceived mail = mail("safety", from, "Scam", "A scam at https://huggingface.co/" + newModel(), null);
        sendMail(mail);
        sendMail(mail(mail.mailbox(), from, mail.subjectLine(), mail.textBody(), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(from)).isEqualTo(1));
        // Same Message-ID again (the gateway re-read the inbox): still one report.
        InboundMailReceived again = new InboundMailReceived(
                "safety",
                mail.messageId(),
                null,
                List.of(),
                null,
                from,
                mail.to(),
                mail.subjectLine(),
                mail.textBody(),
                mail.receivedAt(),
                List.of());
        sendMail(again);
        String marker = sender();
        sendMail(mail("safety", marker, "Spam", "spam at https://huggingface.co/" + newModel(), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(marker)).isEqualTo(1));
        assertThat(reportsOf(from)).isEqualTo(1);
    }

    @Test
    void aMailWhoseCategoryIsUnclearWaitsForStaffTriage() {
        String from = sender();
        String model = newModel();
        sendMail(mail(
                "safety", from, "Please look at this", "Something is off with https://huggingface.co/" + model, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(from)).isEqualTo(1));
        String id = Sql.rows(db, "SELECT id FROM report WHERE notifier_key = ?", "email:" + from)
                .get(0)
                .get(0)
                .toString();
        as("mod-1", "moderator")
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEEDS_TRIAGE"))
                .body("category", equalTo(null));

        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            as("mod-1", "moderator")
                    .body(Map.of("category", "harmful_or_abusive", "subcategory", "bullying"))
                    .post("/api/v1/reports/" + id + "/triage")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body("subcategory", equalTo("bullying"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> e.reportId().toString().equals(id))
                            .singleElement()
                            .satisfies(e -> assertThat(e.subject().key()).isEqualTo("model:" + model)));
        }
        as("mod-1", "moderator")
                .body(Map.of("category", "harmful_or_abusive"))
                .post("/api/v1/reports/" + id + "/triage")
                .then()
                .statusCode(409);
        as("mod-1", "moderator")
                .body(Map.of("category", "bogus"))
                .post("/api/v1/reports/" + id + "/triage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void aNotifiersReplyOnTheirInPlatformReportsThreadAddsToThatReportWhateverMailboxItReached() {
        String user = ReportingFixtures.newUser("replier");
        String from = user + "@example.org";
        String model = newModel();
        String id = ReportingFixtures.file(user, ReportingFixtures.reportOnModel(model));
        String thread = "report:" + id;
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            // Replies to the receipt: one to safety@, one that the notifier sent to legal@ instead; both are this
            // report's (thread report:), so both are keyed for this service.
            InboundMailReceived toSafety = mail(
                    "safety",
                    "Alice <" + from + ">",
                    "Re: Your report",
                    "Here is more: https://evidence.example.org/screenshot-2.png",
                    thread);
            InboundMailReceived toLegal = mail(
                    "legal",
                    from,
                    "Re: Your report",
                    "And the archive: https://archive.example.org/copy (it was also in https://huggingface.co/" + model
                            + ")",
                    thread);
            assertThat(toLegal.partitionKey()).isEqualTo("reporting");
            sendMail(toSafety);
            sendMail(toLegal);
            // The same mail reaching two of our addresses is added once.
            sendMail(new InboundMailReceived(
                    "safety",
                    toLegal.messageId(),
                    null,
                    List.of(),
                    thread,
                    from,
                    List.of(),
                    toLegal.subjectLine(),
                    toLegal.textBody(),
                    toLegal.receivedAt(),
                    List.of()));
            // Same key, same partition: once the marker is a report, every reply before it was handled.
            String marker = sender();
            sendMail(mail("safety", marker, "Spam", "spam at https://huggingface.co/" + newModel(), null));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(reportsOf(marker)).isEqualTo(1));

            as(user, "user")
                    .get("/api/v1/reports/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body(
                            "evidenceUrls",
                            org.hamcrest.Matchers.contains(
                                    "https://example.org/screenshot.png",
                                    "https://evidence.example.org/screenshot-2.png",
                                    "https://archive.example.org/copy"))
                    .body("mailText", org.hamcrest.Matchers.containsString("Here is more"))
                    .body("mailText", org.hamcrest.Matchers.containsString("And the archive"));
            String text = Sql.rows(db, "SELECT original_text FROM report WHERE id = ?", UUID.fromString(id))
                    .get(0)
                    .get(0)
                    .toString();
            assertThat(text.split(java.util.regex.Pattern.quote(toLegal.messageId()), -1))
                    .hasSize(2);
            // Never a new report: not from the mail's sender, and no second ReportFiled for this one.
            assertThat(reportsOf(from)).isZero();
            assertThat(count(db, "SELECT count(*) FROM report WHERE reporter_id = ?", user))
                    .isEqualTo(1);
            assertThat(events.ofType(ReportFiled.TYPE))
                    .map(v -> data(v, ReportFiled.class))
                    .filteredOn(e -> e.reportId().toString().equals(id))
                    .hasSize(1);
        }
    }

    @Test
    void someoneElseWritingOnAReportsThreadFilesTheirOwnReportAndChangesNothingOfTheNotifiers() {
        String user = ReportingFixtures.newUser("notifier");
        String id = ReportingFixtures.file(user, ReportingFixtures.reportOnModel(newModel()));
        String stranger = sender();
        sendMail(mail(
                "safety",
                stranger,
                "Re: Your report",
                "Spam too at https://huggingface.co/" + newModel(),
                "report:" + id));
        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsOf(stranger)).isEqualTo(1));
        as(user, "user")
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(200)
                .body("mailText", org.hamcrest.Matchers.nullValue())
                .body("evidenceUrls", org.hamcrest.Matchers.contains("https://example.org/screenshot.png"));
    }
}
