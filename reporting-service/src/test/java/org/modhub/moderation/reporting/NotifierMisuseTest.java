package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.data;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.noAction;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Misuse of reporting (DSA Art. 23): rate limit, the warning and suspension ladder, staff actions, outcomes. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class NotifierMisuseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    /** Rows of the transactional outbox for {@code topic} whose CloudEvent has {@code type} and mentions {@code text}. */
    private long outboxRows(String topic, String type, String text) {
        return Sql.count(
                db,
                "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ? AND payload LIKE ?",
                topic,
                "%\"type\":\"" + type + "\"%",
                "%" + text + "%");
    }

    /** Outbox rows as above that the relay has published (acknowledged by Kafka). */
    private long sentOutboxRows(String topic, String type, String text) {
        return Sql.count(
                db,
                "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ? AND payload LIKE ?"
                        + " AND sent_at IS NOT NULL",
                topic,
                "%\"type\":\"" + type + "\"%",
                "%" + text + "%");
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void rateLimitRefusesWith429AndRetryAfterButMergedRepeatsDoNotCount() {
        String user = newUser("busy");
        String firstModel = newModel();
        file(user, reportOnModel(firstModel));
        for (int i = 0; i < 4; i++) {
            file(user, reportOnModel(newModel()));
        }
        Response refused = as(user, "user").body(reportOnModel(newModel())).post("/api/v1/reports");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:rate-limited"))
                .body("retryAfterSeconds", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);

        // A repeat of a subject already reported is merged, not refused and not counted.
        as(user, "user")
                .body(reportOnModel(firstModel))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("mergedCount", equalTo(1));
        // The limit is per notifier.
        file(newUser("calm"), reportOnModel(newModel()));
    }

    @Test
    void rateLimitHoldsUnderConcurrentRequests() throws Exception {
        String user = newUser("burst");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> as(user, "user")
                        .body(reportOnModel(newModel()))
                        .post("/api/v1/reports")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void manifestlyUnfoundedReportsLeadToAWarningThenASuspensionThatStaffCanLift() {
        String user = newUser("abuser");
        String notifier = "user:" + user;
        String m1 = newModel();
        String m2 = newModel();
        UUID r1 = UUID.fromString(file(user, reportOnModel(m1)));
        UUID r2 = UUID.fromString(file(user, reportOnModel(m2)));

        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendDecision(noAction("model:" + m1, List.of(r1), true));
            await().atMost(WAIT)
                    .untilAsserted(() -> as("mod-1", "moderator")
                            .get("/api/v1/notifiers/" + notifier)
                            .then()
                            .statusCode(200)
                            .body("unfoundedReports", equalTo(1))
                            .body("warnings", equalTo(0)));

            sendDecision(noAction("model:" + m2, List.of(r2), true));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierWarned.TYPE))
                            .map(v -> data(v, NotifierWarned.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e -> assertThat(e.unfoundedReportIds()).containsExactlyInAnyOrder(r1, r2)));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .anySatisfy(m -> {
                                assertThat(m.templateId()).isEqualTo("notifier-warning");
                                assertThat(m.recipientUserId()).isEqualTo(user);
                            }));

            // Warned, not suspended: reports are still accepted.
            String m3 = newModel();
            UUID r3 = UUID.fromString(file(user, reportOnModel(m3)));
            sendDecision(noAction("model:" + m3, List.of(r3), true));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierSuspended.TYPE))
                            .map(v -> data(v, NotifierSuspended.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e ->
                                    assertThat(e.until()).isAfter(Instant.now().plus(Duration.ofDays(13)))));

            as(user, "user")
                    .body(reportOnModel(newModel()))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:modhub:problem:notifier-suspended"))
                    .body("suspendedUntil", notNullValue())
                    .body("reason", org.hamcrest.Matchers.containsString("manifestly unfounded"));
            as("mod-1", "moderator")
                    .get("/api/v1/notifiers/" + notifier)
                    .then()
                    .statusCode(200)
                    .body("suspended", equalTo(true))
                    .body("warnings", equalTo(1))
                    .body("suspensions", equalTo(1))
                    .body("unfoundedReports", equalTo(3))
                    .body("reportsFiled", equalTo(3));
            // The ladder's events went through the outbox, once each, and the relay published them.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(sentOutboxRows(Topics.REPORTING_EVENTS, NotifierWarned.TYPE, user))
                            .isEqualTo(1));
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(sentOutboxRows(Topics.REPORTING_EVENTS, NotifierSuspended.TYPE, user))
                                    .isEqualTo(1));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m ->
                                    m.templateId().equals("notifier-suspension") && user.equals(m.recipientUserId()))
                            .singleElement()
                            .satisfies(m -> assertThat(m.parameters()).containsKeys("reason", "until")));

            as("mod-1", "moderator")
                    .body(Map.of("reason", "Appeal upheld"))
                    .post("/api/v1/notifiers/" + notifier + "/lift")
                    .then()
                    .statusCode(200)
                    .body("suspended", equalTo(false));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierReinstated.TYPE))
                            .map(v -> data(v, NotifierReinstated.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e -> assertThat(e.reason()).isEqualTo("Appeal upheld")));
            file(user, reportOnModel(newModel()));
        }
    }

    @Test
    void staffCanWarnAndSuspendByHandAndASuspensionEndsByItself() {
        String user = newUser("handled");
        String notifier = "user:" + user;
        file(user, reportOnModel(newModel()));
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            as("mod-2", "moderator")
                    .body(Map.of("reason", "Reports copy-pasted across unrelated models"))
                    .post("/api/v1/notifiers/" + notifier + "/warn")
                    .then()
                    .statusCode(200)
                    .body("warnings", equalTo(1));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierWarned.TYPE))
                            .map(v -> data(v, NotifierWarned.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e ->
                                    assertThat(e.reason()).isEqualTo("Reports copy-pasted across unrelated models")));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(sentOutboxRows(Topics.REPORTING_EVENTS, NotifierWarned.TYPE, user))
                            .isEqualTo(1));

            Instant until = Instant.now().plusSeconds(3);
            as("mod-2", "moderator")
                    .body(Map.of("reason", "Spamming reports", "until", until.toString()))
                    .post("/api/v1/notifiers/" + notifier + "/suspend")
                    .then()
                    .statusCode(200)
                    .body("suspended", equalTo(true));
            as(user, "user")
                    .body(reportOnModel(newModel()))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(403);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierSuspended.TYPE))
                            .map(v -> data(v, NotifierSuspended.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.reason()).isEqualTo("Spamming reports");
                                assertThat(e.until())
                                        .isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                            }));
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(sentOutboxRows(Topics.REPORTING_EVENTS, NotifierSuspended.TYPE, user))
                                    .isEqualTo(1));

            // The reinstatement timer fires once the suspension ran out.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(NotifierReinstated.TYPE))
                            .map(v -> data(v, NotifierReinstated.class))
                            .filteredOn(e -> user.equals(e.notifierId()))
                            .singleElement()
                            .satisfies(e -> assertThat(e.reason()).isEqualTo("The suspension period ended")));
            file(user, reportOnModel(newModel()));
        }
        as("mod-2", "moderator")
                .body(Map.of("reason", "nothing to lift"))
                .post("/api/v1/notifiers/" + notifier + "/lift")
                .then()
                .statusCode(409);
        as("mod-2", "moderator")
                .body(Map.of("reason", "x", "until", "2001-01-01T00:00:00Z"))
                .post("/api/v1/notifiers/" + notifier + "/suspend")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("until"));
        as("mod-2", "moderator")
                .body(Map.of())
                .post("/api/v1/notifiers/" + notifier + "/warn")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("mod-2", "moderator").get("/api/v1/notifiers/bogus").then().statusCode(400);
        as("mod-2", "moderator")
                .get("/api/v1/notifiers/user:nobody-" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aMutedNotifiersReportsAreRecordedAndReceiptedButHeldFromReviewUntilStaffReleaseThem() {
        String user = newUser("muted");
        String notifier = "user:" + user;
        UUID before = UUID.fromString(file(user, reportOnModel(newModel())));

        as("mod-3", "moderator")
                .body(Map.of(
                        "reason",
                        "Floods the queue with duplicates",
                        "until",
                        Instant.now().plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(200)
                .body("muted", equalTo(true))
                .body("mutedBy", equalTo("mod-3"))
                .body("muteReason", equalTo("Floods the queue with duplicates"))
                .body("mutedUntil", notNullValue())
                .body("suspended", equalTo(false));

        // Still accepted (201) and recorded, visible to its reporter as MUTED.
        Response held = as(user, "user").body(reportOnModel(newModel())).post("/api/v1/reports");
        held.then().statusCode(201).body("status", equalTo("MUTED"));
        UUID heldId = UUID.fromString(held.path("id"));
        as(user, "user").get("/api/v1/reports/" + heldId).then().statusCode(200).body("status", equalTo("MUTED"));
        as("mod-3", "moderator")
                .queryParam("status", "MUTED")
                .queryParam("subject", held.<String>path("subject"))
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(heldId.toString()));
        // Its notifier gets the receipt (Art. 16(4)); review gets nothing: no ReportFiled was even written.
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.threadKey().equals("report:" + heldId))
                            .singleElement()
                            .satisfies(m -> assertThat(m.templateId()).isEqualTo("report-receipt")));
        }
        assertThat(outboxRows(Topics.REPORTING_EVENTS, ReportFiled.TYPE, before.toString()))
                .isEqualTo(1);
        assertThat(outboxRows(Topics.REPORTING_EVENTS, ReportFiled.TYPE, heldId.toString()))
                .isZero();

        // Unmuting stops holding new reports; the held one waits for staff.
        as("mod-3", "moderator")
                .body(Map.of("reason", "Talked to them"))
                .post("/api/v1/notifiers/" + notifier + "/unmute")
                .then()
                .statusCode(200)
                .body("muted", equalTo(false))
                .body("mutedUntil", equalTo(null));
        as("mod-3", "moderator")
                .body(Map.of("reason", "again"))
                .post("/api/v1/notifiers/" + notifier + "/unmute")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(user, "user")
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"));
        as(user, "user").get("/api/v1/reports/" + heldId).then().body("status", equalTo("MUTED"));

        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            as("mod-3", "moderator")
                    .post("/api/v1/reports/" + heldId + "/release")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECEIVED"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> e.reportId().equals(heldId))
                            .singleElement()
                            .satisfies(e -> assertThat(e.reporterId()).isEqualTo(user)));
        }
        as("mod-3", "moderator")
                .post("/api/v1/reports/" + heldId + "/release")
                .then()
                .statusCode(409);
        as("mod-3", "moderator")
                .post("/api/v1/reports/" + UUID.randomUUID() + "/release")
                .then()
                .statusCode(404);
    }

    @Test
    void aMuteEndsByItselfAndNeedsAReasonAndAFutureEnd() {
        String user = newUser("briefly-muted");
        String notifier = "user:" + user;
        as("mod-3", "moderator")
                .body(Map.of(
                        "reason",
                        "Cool-off",
                        "until",
                        Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(200)
                .body("muted", equalTo(true));
        await().atMost(WAIT)
                .untilAsserted(() -> as("mod-3", "moderator")
                        .get("/api/v1/notifiers/" + notifier)
                        .then()
                        .statusCode(200)
                        .body("muted", equalTo(false)));
        as(user, "user")
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"));

        as("mod-3", "moderator")
                .body(Map.of("reason", "x", "until", "2001-01-01T00:00:00Z"))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("until"));
        as("mod-3", "moderator")
                .body(Map.of("until", Instant.now().plusSeconds(60).toString()))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        // Without an end date the configured length applies (30 days by default).
        Instant asked = Instant.now();
        Instant end = Instant.parse(as("mod-3", "moderator")
                .body(Map.of("reason", "Default length"))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(200)
                .extract()
                .path("mutedUntil"));
        assertThat(end)
                .isBetween(
                        asked.plus(Duration.ofDays(30)).minusSeconds(5),
                        Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void aRedeliveredDecisionCountsOnce() {
        String user = newUser("twice");
        String model = newModel();
        UUID report = UUID.fromString(file(user, reportOnModel(model)));
        file(user, reportOnModel(newModel()));
        file(user, reportOnModel(newModel()));
        String event = ReportingFixtures.encode(
                EventSources.REVIEW_SERVICE, noAction("model:" + model, List.of(report), true));
        KafkaProbe.send(Topics.REVIEW_EVENTS, "model:" + model, event);
        KafkaProbe.send(Topics.REVIEW_EVENTS, "model:" + model, event);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        as(user, "user").get("/api/v1/reports/" + report).then().body("status", equalTo("DECIDED")));
        // A marker after the duplicate on the same key: once applied, the duplicate was handled too.
        String marker = file(newUser("marker"), reportOnModel(model));
        sendDecision(noAction("model:" + model, List.of(UUID.fromString(marker)), false));
        await().atMost(WAIT)
                .untilAsserted(() -> as("mod-1", "moderator")
                        .get("/api/v1/reports/" + marker)
                        .then()
                        .body("status", equalTo("DECIDED")));
        as("mod-1", "moderator")
                .get("/api/v1/notifiers/user:" + user)
                .then()
                .body("unfoundedReports", equalTo(1))
                .body("warnings", equalTo(0));
    }

    @Test
    void theNotifierIsToldTheOutcomeAndHowToContestItWithoutTheOwnersDetails() {
        String user = newUser("told");
        String model = newModel();
        UUID report = UUID.fromString(file(user, reportOnModel(model)));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String owner = "owner-" + UUID.randomUUID();
        DecisionTaken unranked = new DecisionTaken(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SubjectRef.parse("model:" + model),
                owner,
                null,
                List.of(ModerationAction.UNRANK),
                DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT,
                PolicyCategory.PLATFORM_ABUSE,
                null,
                List.of("DE"),
                null,
                "The model card advertises a casino.",
                "Spam is not allowed.",
                "2025-04-10",
                "mod-7",
                null,
                AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED,
                DecisionOrigin.REPORT,
                List.of(report),
                null,
                null,
                false,
                now);
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendDecision(unranked);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .filteredOn(v -> v.contains("report-outcome") && v.contains(report.toString()))
                            .singleElement()
                            .satisfies(v -> {
                                NotificationRequested m = data(v, NotificationRequested.class);
                                assertThat(m.recipientEmail()).isEqualTo(user + "@example.org");
                                // On the notifiers' outcome thread of the decision, replies to legal@: a reply contests
                                // the decision at appeals-service
                                // (it used to be on the report's thread, where a reply became a new report).
                                assertThat(m.threadKey()).isEqualTo("outcome:" + unranked.decisionId());
                                assertThat(org.modhub.moderation.contracts.MailRoutes.ThreadKind.of(m.threadKey()))
                                        .contains(org.modhub.moderation.contracts.MailRoutes.ThreadKind.OUTCOME);
                                assertThat(m.replyMailbox()).isEqualTo("legal");
                                assertThat(m.parameters())
                                        .containsEntry(
                                                "decisionId",
                                                unranked.decisionId().toString())
                                        .containsEntry("recipientCountry", "DE");
                                assertThat(m.parameters())
                                        .containsEntry("actions", "UNRANK")
                                        .containsKey("appealDeadline");
                                // Nothing about the owner: not their id, not the statement of reasons written to them.
                                assertThat(m.parameters())
                                        .containsOnlyKeys(
                                                "reportId",
                                                "subject",
                                                "actions",
                                                "category",
                                                "decidedAt",
                                                "policyVersion",
                                                "manifestlyUnfounded",
                                                "appealDeadline",
                                                "decisionId",
                                                "recipientCountry");
                                assertThat(v).doesNotContain("advertises a casino");
                                assertThat(v).doesNotContain(owner).doesNotContain("mod-7");
                            }));
        }
        as(user, "user")
                .get("/api/v1/reports/" + report)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("outcome", equalTo("UNRANK"));
    }

    @Test
    void anAustralianNotifierIsOfferedTheESafetyPathAndANotifierOfUnknownCountryNoCountry() {
        String aussie = newUser("aussie");
        String model = newModel();
        Map<String, Object> body = reportOnModel(model);
        body.put("jurisdiction", "AU");
        UUID fromAustralia = UUID.fromString(file(aussie, body));
        Map<String, Object> noCountry = reportOnModel(model);
        noCountry.remove("jurisdiction");
        UUID unknown = UUID.fromString(file(newUser("somewhere"), noCountry));
        DecisionTaken decision = noAction("model:" + model, List.of(fromAustralia, unknown), false);
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendDecision(decision);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.templateId().equals("report-outcome")
                                    && m.threadKey().equals("outcome:" + decision.decisionId()))
                            .hasSize(2)
                            .allSatisfy(m -> assertThat(m.replyMailbox()).isEqualTo("legal"))
                            .anySatisfy(m -> {
                                assertThat(m.parameters())
                                        .containsEntry("reportId", fromAustralia.toString())
                                        .containsEntry("recipientCountry", "AU");
                            })
                            .anySatisfy(m -> {
                                assertThat(m.parameters())
                                        .containsEntry("reportId", unknown.toString())
                                        .doesNotContainKey("recipientCountry");
                            }));
        }
    }
}
