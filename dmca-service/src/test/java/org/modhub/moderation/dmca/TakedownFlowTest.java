package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitMail;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.dmca.domain.BusinessCalendar;
import org.modhub.moderation.kit.timer.TimerWorker;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Notice → acceptance → TakedownOrdered → counter-notice → 14-business-day clock → ContentRestored,
 * the court-action stop, the partial-files window, and the clock as a durable timer that fires once.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class TakedownFlowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(NEW_YORK);

    @Inject
    MutableClock clock;

    @Inject
    TimerWorker worker;

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An accepted notice on one uploader's model. */
    private record Accepted(String noticeId, String claimant, String uploader, String repo) {}

    private Accepted accepted() {
        String uploader = uploader();
        String repo = uploader + "/model";
        String claimant = claimantEmail();
        String noticeId = sendNotice(claimant, HUB + repo);
        accept(noticeId, uploader);
        return new Accepted(noticeId, claimant, uploader, repo);
    }

    private Map<String, Object> counterNoticeBy(Accepted a) {
        return as(a.uploader(), "user")
                .body(counterNotice(HUB + a.repo()))
                .post("/api/v1/dmca/notices/" + a.noticeId() + "/counter-notices")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private void fireDue() throws Exception {
        OnVertx.await(worker::fireDue);
    }

    @Test
    void noticeToTakedownToCounterNoticeToRestorationAfterFourteenBusinessDays() throws Throwable {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            Accepted a = accepted();
            UUID noticeId = UUID.fromString(a.noticeId());
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    TakedownOrdered.TYPE,
                                    TakedownOrdered.class,
                                    e -> e.noticeId().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.subjects())
                                        .extracting(s -> s.key())
                                        .containsExactly("model:" + a.repo());
                                assertThat(e.uploaderId()).isEqualTo(a.uploader());
                                assertThat(e.scope()).isEqualTo(TakedownScope.WHOLE);
                                assertThat(e.orderedBy()).isEqualTo("legal-1");
                            }));
            var told = awaitMail(
                    mails,
                    m -> m.templateId().equals("dmca-takedown-uploader")
                            && a.uploader().equals(m.recipientUserId()));
            // The notice reaches the uploader redacted: the company is named, the individual's phone number is not.
            assertThat(told.parameters())
                    .containsEntry("claimantName", "Acme Pictures Inc.")
                    .containsEntry("noticeId", a.noticeId());
            assertThat(told.parameters().get("copyrightedWork"))
                    .contains("Acme Film Archive")
                    .contains("[redacted]")
                    .doesNotContain("555");
            assertThat(told.parameters().get("counterNoticeUrl")).contains(a.noticeId());
            assertThat(told.parameters().values()).noneMatch(v -> v.contains(a.claimant()) || v.contains("Jane Roe"));
            assertThat(awaitMail(
                            mails,
                            m -> m.recipientEmail().equals(a.claimant())
                                    && m.templateId().equals("dmca-notice-accepted")))
                    .isNotNull();
            as(a.uploader(), "user")
                    .get("/api/v1/dmca/takedowns/mine")
                    .then()
                    .statusCode(200)
                    .body("noticeId", contains(a.noticeId()))
                    .body("status", contains("IN_FORCE"))
                    .body("claimant", contains("Acme Pictures Inc."));

            Map<String, Object> counter = counterNoticeBy(a);
            UUID counterId = UUID.fromString((String) counter.get("id"));
            Instant received = Instant.parse((String) counter.get("receivedAt"));
            Instant restoreAt = Instant.parse((String) counter.get("restoreAt"));
            assertThat(restoreAt).isEqualTo(CALENDAR.endOfBusinessDays(received, 14));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(events(
                                events,
                                CounterNoticeReceived.TYPE,
                                CounterNoticeReceived.class,
                                e -> e.noticeId().equals(noticeId)))
                        .singleElement()
                        .satisfies(e -> assertThat(e.counterNoticeId()).isEqualTo(counterId));
                assertThat(events(
                                events,
                                RestorationScheduled.TYPE,
                                RestorationScheduled.class,
                                e -> e.noticeId().equals(noticeId)))
                        .singleElement()
                        .satisfies(e -> assertThat(e.restoreAt()).isEqualTo(restoreAt));
            });
            // 512(g)(2)(B): the claimant gets the counter-notice with the uploader's details and the restoration date.
            var forwarded = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(a.claimant())
                            && m.templateId().equals("dmca-counter-notice-forwarded"));
            assertThat(forwarded.parameters().get("counterNoticeText"))
                    .contains("John Doe")
                    .contains("Springfield")
                    .contains("penalty of perjury")
                    // The material as a person reads it, one line each, not the stored JSON.
                    .contains("\n- https://")
                    .contains(" (my fine-tuned model, trained on licensed data)")
                    .doesNotContain("{\"")
                    .doesNotContain("\"url\"");
            assertThat(forwarded.parameters().get("restorationDate"))
                    .isEqualTo(restoreAt
                            .atZone(ZoneId.of("America/New_York"))
                            .toLocalDate()
                            .toString());
            awaitMail(
                    mails,
                    m -> a.uploader().equals(m.recipientUserId())
                            && m.templateId().equals("dmca-restoration-scheduled"));

            // An hour before the deadline nothing is restored.
            clock.travelPast(restoreAt.minus(Duration.ofHours(1)));
            fireDue();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? AND fired_at IS NULL",
                            counterId.toString()))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM dmca_counter_notice WHERE id = ? AND status = 'RUNNING'",
                            counterId))
                    .isEqualTo(1);
            assertThat(events(
                            events,
                            ContentRestored.TYPE,
                            ContentRestored.class,
                            e -> e.noticeId().equals(noticeId)))
                    .isEmpty();

            clock.travelPast(restoreAt);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    ContentRestored.TYPE,
                                    ContentRestored.class,
                                    e -> e.noticeId().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.reason()).isEqualTo(RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED);
                                assertThat(e.counterNoticeId()).isEqualTo(counterId);
                                assertThat(e.uploaderId()).isEqualTo(a.uploader());
                            }));
            awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(a.claimant())
                            && m.templateId().equals("dmca-restoration-done"));
            awaitMail(
                    mails,
                    m -> a.uploader().equals(m.recipientUserId())
                            && m.templateId().equals("dmca-restoration-done"));
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + a.noticeId())
                    .then()
                    .statusCode(200)
                    .body("takedowns[0].status", equalTo("RESTORED"))
                    .body("takedowns[0].counterNotice.status", equalTo("RESTORED"));
            // A successfully countered takedown is no strike.
            as("legal-1", "legal")
                    .get("/api/v1/dmca/strikes/" + a.uploader())
                    .then()
                    .statusCode(200)
                    .body("strikes", equalTo(0));
        }
    }

    @Test
    void courtActionEvidenceBeforeTheDeadlineKeepsTheContentDisabled() throws Throwable {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            Accepted a = accepted();
            Map<String, Object> counter = counterNoticeBy(a);
            String counterId = (String) counter.get("id");
            Instant restoreAt = Instant.parse((String) counter.get("restoreAt"));
            Map<String, Object> evidence = Map.of(
                    "court",
                    "U.S. District Court for the Central District of California",
                    "caseNumber",
                    "2:26-cv-01234",
                    "filedOn",
                    "2026-11-20",
                    "documentUrl",
                    "https://acme-pictures.example/complaint.pdf");

            as("legal-1", "legal")
                    .body(Map.of("court", "x"))
                    .post("/api/v1/dmca/counter-notices/" + counterId + "/court-action")
                    .then()
                    .statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItems("caseNumber", "filedOn", "documentUrl"));
            as("legal-1", "legal")
                    .body(evidence)
                    .post("/api/v1/dmca/counter-notices/" + counterId + "/court-action")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COURT_ACTION"))
                    .body("courtAction.caseNumber", equalTo("2:26-cv-01234"));
            as("legal-1", "legal")
                    .body(evidence)
                    .post("/api/v1/dmca/counter-notices/" + counterId + "/court-action")
                    .then()
                    .statusCode(409);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    CourtActionReported.TYPE,
                                    CourtActionReported.class,
                                    e -> e.counterNoticeId().toString().equals(counterId)))
                            .hasSize(1));
            awaitMail(
                    mails,
                    m -> a.uploader().equals(m.recipientUserId())
                            && m.templateId().equals("dmca-court-action-reported"));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? AND cancelled_at IS NOT NULL",
                            counterId))
                    .isEqualTo(1);

            clock.travelPast(restoreAt);
            fireDue();
            assertThat(events(
                            events,
                            ContentRestored.TYPE,
                            ContentRestored.class,
                            e -> e.noticeId().toString().equals(a.noticeId())))
                    .isEmpty();
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + a.noticeId())
                    .then()
                    .statusCode(200)
                    .body("takedowns[0].status", equalTo("UPHELD"));
            // The takedown stood: a strike.
            as("legal-1", "legal")
                    .get("/api/v1/dmca/strikes/" + a.uploader())
                    .then()
                    .statusCode(200)
                    .body("strikes", equalTo(1))
                    .body("items[0].reason", equalTo("COURT_ACTION"));
        }
    }

    @Test
    void legalListsTakedownsWithTheRestorationCountdownInBusinessDaysUntilACourtActionStopsIt() {
        Accepted a = accepted();
        String takedownId = as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + a.noticeId())
                .then()
                .statusCode(200)
                .body("takedowns[0].counterNotice", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("takedowns[0].id");
        assertThat(takedownIn("IN_FORCE", takedownId).get("counterNotice")).isNull();

        Map<String, Object> counter = counterNoticeBy(a);
        Instant received = Instant.parse((String) counter.get("receivedAt"));
        LocalDate receivedOn = received.atZone(NEW_YORK).toLocalDate();
        // The content comes back the day after the 14th business day that follows the day of receipt.
        LocalDate restoresOn = BusinessCalendar.plusBusinessDays(receivedOn, 14).plusDays(1);
        Map<String, Object> countdown = countdownOf(takedownIn("COUNTERED", takedownId));
        assertThat(countdown)
                .containsEntry("restoresOn", restoresOn.toString())
                .containsEntry("restoreAt", counter.get("restoreAt"))
                .containsEntry("zone", "America/New_York");
        if (clock.instant().atZone(NEW_YORK).toLocalDate().equals(receivedOn)) {
            assertThat(countdown).containsEntry("businessDaysLeft", 14);
        }

        // A week later, the business days of that week (weekend and holidays left out) are gone. Noon in New York, so
        // the week is seven calendar days whatever hour the clock (moved on by earlier tests) read at the receipt.
        clock.travelPast(receivedOn.plusDays(7).atTime(12, 0).atZone(NEW_YORK).toInstant());
        LocalDate today = clock.instant().atZone(NEW_YORK).toLocalDate();
        assertThat(today).isEqualTo(receivedOn.plusDays(7));
        int left = 0;
        for (LocalDate d = today.plusDays(1); d.isBefore(restoresOn); d = d.plusDays(1)) {
            left += BusinessCalendar.isBusinessDay(d) ? 1 : 0;
        }
        assertThat(left).isBetween(9, 11);
        assertThat(countdownOf(takedownIn("COUNTERED", takedownId))).containsEntry("businessDaysLeft", left);
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + a.noticeId())
                .then()
                .body("takedowns[0].counterNotice.countdown.businessDaysLeft", equalTo(left));

        // A court action stops the clock: no countdown any more, and the takedown is listed as upheld.
        as("legal-1", "legal")
                .body(Map.of(
                        "court", "U.S. District Court for the Central District of California",
                        "caseNumber", "2:26-cv-04321",
                        "filedOn", today.toString(),
                        "documentUrl", "https://acme-pictures.example/complaint.pdf"))
                .post("/api/v1/dmca/counter-notices/" + counter.get("id") + "/court-action")
                .then()
                .statusCode(200)
                .body("countdown", org.hamcrest.Matchers.nullValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> upheld =
                (Map<String, Object>) takedownIn("UPHELD", takedownId).get("counterNotice");
        assertThat(upheld).containsEntry("status", "COURT_ACTION");
        assertThat(upheld.get("countdown")).isNull();

        as("legal-1", "legal")
                .get("/api/v1/dmca/takedowns?status=GONE")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("query.status"));
        as("moderator-1", "moderator").get("/api/v1/dmca/takedowns").then().statusCode(403);
    }

    /** The takedown with this id among legal's list of that status, paging as a client would. */
    private static Map<String, Object> takedownIn(String status, String takedownId) {
        String cursor = null;
        do {
            var request = as("admin-1", "admin").queryParam("status", status).queryParam("limit", 20);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/dmca/takedowns")
                    .then()
                    .statusCode(200)
                    .body("items.status", org.hamcrest.Matchers.everyItem(equalTo(status)))
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (takedownId.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("takedown " + takedownId + " is not listed as " + status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> countdownOf(Map<String, Object> takedown) {
        Map<String, Object> counterNotice = (Map<String, Object>) takedown.get("counterNotice");
        assertThat(counterNotice).isNotNull().containsEntry("status", "RUNNING");
        return (Map<String, Object>) counterNotice.get("countdown");
    }

    @Test
    void theClockIsADurableTimerThatFiresOnceWhateverRunsIt() throws Throwable {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS)) {
            Accepted a = accepted();
            Map<String, Object> counter = counterNoticeBy(a);
            String counterId = (String) counter.get("id");
            Instant restoreAt = Instant.parse((String) counter.get("restoreAt"));
            // The clock lives in the database, not in this process: a restarted (or another) replica finds it there.
            List<List<Object>> timer = rows(
                    db,
                    "SELECT due_at, fired_at FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ?",
                    counterId);
            assertThat(timer).hasSize(1);
            assertThat(((java.sql.Timestamp) timer.get(0).get(0)).toInstant()).isEqualTo(restoreAt);
            assertThat(timer.get(0).get(1)).isNull();

            clock.travelPast(restoreAt);
            // Two workers (the scheduled one and two more here) race for it: it fires once.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> one = pool.submit(() -> {
                    fireDue();
                    return null;
                });
                Future<?> two = pool.submit(() -> {
                    fireDue();
                    return null;
                });
                one.get();
                two.get();
            } finally {
                pool.shutdown();
            }
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    ContentRestored.TYPE,
                                    ContentRestored.class,
                                    e -> e.counterNoticeId() != null
                                            && e.counterNoticeId().toString().equals(counterId)))
                            .hasSize(1));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? AND fired_at IS NOT NULL",
                            counterId))
                    .isEqualTo(1);
            fireDue();
            assertThat(events(
                            events,
                            ContentRestored.TYPE,
                            ContentRestored.class,
                            e -> e.counterNoticeId() != null
                                    && e.counterNoticeId().toString().equals(counterId)))
                    .hasSize(1);
        }
    }

    @Test
    void aCrashWhileRestoringRollsBackAndTheTimerFiresOnceLater() throws Exception {
        // A trigger fails the first attempt to mark the counter-notice restored (commit-time flush), as a crash before
        // commit would.
        Sql.update(db, "CREATE TABLE IF NOT EXISTS test_fail_once (counter_id UUID PRIMARY KEY)");
        Sql.update(db, """
                CREATE OR REPLACE FUNCTION test_fail_restore() RETURNS trigger AS $$
                BEGIN
                    IF NEW.status = 'RESTORED' AND EXISTS (SELECT 1 FROM test_fail_once WHERE counter_id = NEW.id)
                       AND EXISTS (SELECT 1 FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = NEW.id::text AND last_error IS NULL) THEN
                        RAISE EXCEPTION 'simulated crash while restoring';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        Sql.update(db, "DROP TRIGGER IF EXISTS test_fail_restore ON dmca_counter_notice");
        Sql.update(
                db,
                "CREATE TRIGGER test_fail_restore BEFORE UPDATE ON dmca_counter_notice FOR EACH ROW EXECUTE FUNCTION test_fail_restore()");
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS)) {
            Accepted a = accepted();
            Map<String, Object> counter = counterNoticeBy(a);
            String counterId = (String) counter.get("id");
            Sql.update(db, "INSERT INTO test_fail_once VALUES (?::uuid)", counterId);

            clock.travelPast(Instant.parse((String) counter.get("restoreAt")));
            await().atMost(WAIT)
                    .until(() -> count(
                                    db,
                                    "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? "
                                            + "AND attempts = 1 AND last_error LIKE '%simulated crash%'",
                                    counterId)
                            == 1);
            // Nothing of the failed attempt survived: no event, no state change, the timer still pending.
            assertThat(count(
                            db,
                            "SELECT count(*) FROM dmca_counter_notice WHERE id = ?::uuid AND status = 'RUNNING'",
                            counterId))
                    .isEqualTo(1);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                            "%ContentRestored%",
                            "%" + counterId + "%"))
                    .isZero();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.restore' AND timer_key = ? AND fired_at IS NULL",
                            counterId))
                    .isEqualTo(1);

            clock.advance(Duration.ofMinutes(5));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    ContentRestored.TYPE,
                                    ContentRestored.class,
                                    e -> e.counterNoticeId() != null
                                            && e.counterNoticeId().toString().equals(counterId)))
                            .hasSize(1));
            fireDue();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                            "%ContentRestored%",
                            "%" + counterId + "%"))
                    .isEqualTo(1);
        } finally {
            Sql.update(db, "DROP TRIGGER IF EXISTS test_fail_restore ON dmca_counter_notice");
        }
    }

    @Test
    void aCounterNoticeNamesEachDeficientElementOfSection512g3() {
        Accepted a = accepted();
        Map<String, Object> body = counterNotice("https://huggingface.co/someone-else/model");
        body.remove("signature");
        body.put("goodFaithUnderPenaltyOfPerjury", false);
        body.put("phone", " ");
        body.put("consentToJurisdiction", false);
        body.remove("consentToServiceOfProcess");
        as(a.uploader(), "user")
                .body(body)
                .post("/api/v1/dmca/notices/" + a.noticeId() + "/counter-notices")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        contains(
                                "signature",
                                "material[0].url",
                                "goodFaithUnderPenaltyOfPerjury",
                                "phone",
                                "consentToJurisdiction",
                                "consentToServiceOfProcess"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("512(g)(3)(A)"));
        Map<String, Object> noName = counterNotice(HUB + a.repo());
        noName.remove("name");
        noName.remove("address");
        noName.put("material", List.of());
        as(a.uploader(), "user")
                .body(noName)
                .post("/api/v1/dmca/notices/" + a.noticeId() + "/counter-notices")
                .then()
                .statusCode(422)
                .body("errors.field", contains("material", "name", "address"));
        // Nothing deficient was kept: the takedown is still in force and may be countered properly.
        counterNoticeBy(a);
        as(a.uploader(), "user")
                .body(counterNotice(HUB + a.repo()))
                .post("/api/v1/dmca/notices/" + a.noticeId() + "/counter-notices")
                .then()
                .statusCode(409);
    }

    @Test
    void legalRejectsWithAReasonAndSeesTheClaimantsAbuseSignals() {
        String claimant = claimantEmail();
        String ns = unique("target");
        String first = sendNotice(claimant, HUB + ns + "/one");
        String second = sendNotice(claimant, HUB + ns + "/two");
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            as("legal-1", "legal")
                    .body(Map.of("decision", "REJECT", "reason", "MAYBE"))
                    .post("/api/v1/dmca/notices/" + first + "/decision")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
            as("legal-1", "legal")
                    .body(Map.of(
                            "decision",
                            "REJECT",
                            "reason",
                            "ABUSIVE_OR_FRAUDULENT",
                            "explanation",
                            "The claimant does not own the work; the model predates it."))
                    .post("/api/v1/dmca/notices/" + first + "/decision")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REJECTED"))
                    .body("rejectionReason", equalTo("ABUSIVE_OR_FRAUDULENT"));
            var told = awaitMail(
                    mails,
                    m -> m.recipientEmail().equals(claimant) && m.templateId().equals("dmca-notice-rejected"));
            assertThat(told.parameters().get("reason"))
                    .contains("ABUSIVE_OR_FRAUDULENT")
                    .contains("predates");
        }
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + second)
                .then()
                .statusCode(200)
                .body("abuseSignals.noticesSent", equalTo(2))
                .body("abuseSignals.rejected", equalTo(1))
                .body("abuseSignals.rejectedShare", equalTo(1.0f))
                .body("abuseSignals.sameTargetNotices", equalTo(1))
                .body("abuseSignals.noticesLast24h", equalTo(2))
                .body("abuseSignals.massNotice", equalTo(false));
        // A decided notice is not decided again.
        as("legal-1", "legal")
                .body(Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", "u"))))
                .post("/api/v1/dmca/notices/" + first + "/decision")
                .then()
                .statusCode(409);
        // Changed with issue 23: an uploader's address is no longer typed; the hub directory has it.
        as("legal-1", "legal")
                .body(Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", "u", "email", "u@example.org"))))
                .post("/api/v1/dmca/notices/" + second + "/decision")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("owners[0].email"));
        as("legal-1", "legal")
                .body(Map.of(
                        "decision",
                        "ACCEPT",
                        "owners",
                        List.of(Map.of("id", "u", "subjects", List.of("model:elsewhere/x")))))
                .post("/api/v1/dmca/notices/" + second + "/decision")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("owners[0].subjects"));
    }

    @Test
    void onlySomeFilesInfringeTheOwnerGetsTheWindowBeforeTheWholeRepositoryIsDisabled() throws Throwable {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            String uploader = uploader();
            String ns = uploader;
            String repo = ns + "/model";
            String noticeId = sendNotice(
                    claimantEmail(), HUB + repo + "/blob/main/data/frames.tar", HUB + repo + "/resolve/main/b.bin");
            accept(noticeId, uploader);
            String deadline = as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .then()
                    .statusCode(200)
                    .body("takedowns[0].status", equalTo("AWAITING_REMOVAL"))
                    .body("takedowns[0].scope", equalTo("PARTIAL"))
                    .extract()
                    .path("takedowns[0].removalDeadline");
            Instant removalDeadline = Instant.parse(deadline);
            var ask = awaitMail(
                    mails,
                    m -> uploader.equals(m.recipientUserId()) && m.templateId().equals("dmca-partial-removal-request"));
            assertThat(ask.parameters().get("deadline")).isEqualTo(deadline);
            assertThat(events(
                            events,
                            TakedownOrdered.TYPE,
                            TakedownOrdered.class,
                            e -> e.noticeId().toString().equals(noticeId)))
                    .isEmpty();

            clock.travelPast(removalDeadline);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    TakedownOrdered.TYPE,
                                    TakedownOrdered.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.scope()).isEqualTo(TakedownScope.WHOLE);
                                assertThat(e.subjects())
                                        .extracting(s -> s.key())
                                        .containsExactly("model:" + repo);
                            }));
        }
    }

    @Test
    void filesRemovedInTimeLeaveOnlyThemDisabled() {
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS)) {
            String uploader = uploader();
            String ns = uploader;
            String file = "file:model:" + ns + "/model@main:frames.tar";
            String noticeId = sendNotice(claimantEmail(), HUB + ns + "/model/blob/main/frames.tar");
            accept(noticeId, uploader);
            String takedownId = as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .then()
                    .extract()
                    .path("takedowns[0].id");
            as(unique("someone"), "user")
                    .post("/api/v1/dmca/takedowns/" + takedownId + "/files-removed")
                    .then()
                    .statusCode(404);
            as(uploader, "user")
                    .post("/api/v1/dmca/takedowns/" + takedownId + "/files-removed")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("IN_FORCE"))
                    .body("scope", equalTo("PARTIAL"));
            as(uploader, "user")
                    .post("/api/v1/dmca/takedowns/" + takedownId + "/files-removed")
                    .then()
                    .statusCode(409);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    TakedownOrdered.TYPE,
                                    TakedownOrdered.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.scope()).isEqualTo(TakedownScope.PARTIAL);
                                assertThat(e.subjects())
                                        .extracting(s -> s.key())
                                        .containsExactly(file);
                            }));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_timer WHERE kind = 'dmca.partial-window' AND timer_key = ? AND cancelled_at IS NOT NULL",
                            takedownId))
                    .isEqualTo(1);
        }
    }
}
