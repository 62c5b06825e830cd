package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.dispute;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newModel;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.reportBy;
import static org.modhub.moderation.appeals.AppealsFixtures.resolve;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.privacy.RetentionJob;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The retention schedule (GDPR Art. 5(1)(e)): rows are seeded now, the clock travels to just before and just past each
 * period, and the retention run removes exactly what expired. Other tests' rows expire too (the database is shared), so
 * the assertions are about this test's rows, and the counts are at least theirs.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class RetentionTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    DataSource db;

    @Inject
    TravelClock clock;

    @Inject
    RetentionJob job;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachKindGoesWhenItsPeriodHasPassedAndNotBefore() throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant start = Instant.now();
        String appellant = newUser("appellant");
        String notifier = newUser("notifier");

        // Two appeals found manifestly unfounded (the appellant is warned), one still open.
        DecisionTaken first = known(db, restriction(appellant, List.of()));
        String resolved1 = AppealsFixtures.file(appellant, first.decisionId());
        resolve(resolved1, "Upheld.", true);
        DecisionTaken second = known(db, restriction(appellant, List.of()));
        String resolved2 = AppealsFixtures.file(appellant, second.decisionId());
        resolve(resolved2, "Upheld.", true);
        DecisionTaken third = known(db, restriction(appellant, List.of()));
        String open = AppealsFixtures.file(appellant, third.decisionId());
        // Another appellant suspended for longer than any period here (seeded: the ladder caps suspensions at 180
        // days).
        String suspended = "user:" + newUser("suspended");
        Sql.update(
                db,
                "INSERT INTO appellant_standing (appellant_key, appellant_id, appellant_email, suspensions, suspended_at, "
                        + "suspended_until, suspension_reason, updated_at) VALUES (?, ?, ?, 1, now(), "
                        + "now() + interval '1200 days', 'seeded', now())",
                suspended,
                suspended.substring(5),
                suspended.substring(5) + "@example.org");
        // A report answered by a decision, and one no decision answered.
        ReportFiled decided = reportBy(notifier, "DE", newModel());
        known(db, noAction(newUser("owner"), List.of(decided.reportId()), false), decided);
        ReportFiled undecided = reportBy(notifier, "DE", newModel());
        AppealsFixtures.publish(undecided);
        org.awaitility.Awaitility.await()
                .atMost(AppealsFixtures.WAIT)
                .untilAsserted(() -> assertThat(Sql.count(
                                db, "SELECT count(*) FROM report_notifier WHERE report_id = ?", undecided.reportId()))
                        .isOne());
        // Disputes: one settled today, one pending; both with notes.
        String body = "Test Body " + UUID.randomUUID();
        String settled = dispute(first.decisionId(), resolved1, body, "The appellant phoned twice.");
        String pending = dispute(second.decisionId(), resolved2, body, "Waiting for the body's file number.");
        as("legal-1", "legal")
                .body(Map.of(
                        "outcome",
                        "IN_FAVOUR_OF_PROVIDER",
                        "settledOn",
                        LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/disputes/" + settled + "/outcome")
                .then()
                .statusCode(200);

        // Just before the notifier copies' 190 days: nothing of this test's goes.
        travel(start.plus(Duration.ofDays(190)).minus(DAY));
        assertThat(run()).containsKeys("resolved-appeals", "appellant-standing", "notifier-copies", "disputes");
        assertThat(notifierRows(decided, undecided)).isEqualTo(2);
        assertThat(identified(resolved1, resolved2, open)).isEqualTo(3);

        // Just past them: who filed both reports is gone; appeals and standing stay (365 days).
        travel(start.plus(Duration.ofDays(190)).plus(DAY));
        assertThat(run().get("notifier-copies")).isGreaterThanOrEqualTo(2);
        assertThat(notifierRows(decided, undecided)).isZero();
        assertThat(identified(resolved1, resolved2, open)).isEqualTo(3);
        assertThat(standing("user:" + appellant)).isOne();

        // Just before 365 days after the resolution and the standing's last change: they stay.
        travel(start.plus(Duration.ofDays(365)).minus(DAY));
        run();
        // (Taken once the open appeals escalated as the clock passed their due time: the timer worker's work, not the
        // retention's, which must leave the figures as they are.)
        timersSettled();
        Map<?, ?> figuresBefore = figures(from, to);
        assertThat(identified(resolved1, resolved2, open)).isEqualTo(3);
        assertThat(standing("user:" + appellant)).isOne();

        // Just past: the resolved appeals lose their appellant, the open one keeps them; the standing goes, its
        // warning stays without the appellant; the suspended appellant's standing stays.
        travel(start.plus(Duration.ofDays(365)).plus(DAY));
        Map<String, Integer> removed = run();
        assertThat(removed.get("resolved-appeals")).isGreaterThanOrEqualTo(2);
        assertThat(removed.get("appellant-standing")).isGreaterThanOrEqualTo(1);
        assertThat(identified(resolved1, resolved2, open)).isEqualTo(1);
        assertThat(Sql.rows(
                                db,
                                "SELECT appellant_key, appellant_id, appellant_email, arguments, cardinality(evidence_urls), "
                                        + "outcome, manifestly_unfounded FROM appeal WHERE id = ?::uuid",
                                resolved1)
                        .get(0))
                .containsExactly("expired", null, null, "[erased]", 0, "UPHELD", true);
        assertThat(Sql.rows(db, "SELECT appellant_id FROM appeal WHERE id = ?::uuid", open)
                        .get(0)
                        .get(0))
                .isEqualTo(appellant);
        assertThat(standing("user:" + appellant)).isZero();
        assertThat(Sql.count(
                        db, "SELECT count(*) FROM appellant_sanction WHERE appellant_key = ?", "user:" + appellant))
                .isZero();
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM appellant_sanction WHERE appellant_key = 'expired' AND ? = ANY(unfounded_appeals)",
                        UUID.fromString(resolved1)))
                .isOne();
        assertThat(standing(suspended)).isOne();
        // The complaint figures of the period still add up.
        timersSettled();
        assertThat(figures(from, to)).isEqualTo(figuresBefore);
        // A second run finds nothing more of it.
        run();
        assertThat(Sql.rows(db, "SELECT anonymised_at FROM appeal WHERE id = ?::uuid", resolved1)
                        .get(0)
                        .get(0))
                .isNotNull();

        // Dispute notes: kept until three years after settlement; a pending dispute keeps them.
        travel(start.plus(Duration.ofDays(1095)).minus(DAY));
        run();
        assertThat(notes(settled)).isEqualTo("The appellant phoned twice.");
        travel(start.plus(Duration.ofDays(1095)).plus(DAY));
        assertThat(run().get("disputes")).isGreaterThanOrEqualTo(1);
        assertThat(notes(settled)).isNull();
        assertThat(notes(pending)).isEqualTo("Waiting for the body's file number.");
        as("legal-1", "legal")
                .get("/api/v1/disputes/" + settled)
                .then()
                .statusCode(200)
                .body("body", equalTo(body))
                .body("outcome", equalTo("IN_FAVOUR_OF_PROVIDER"));
    }

    @Test
    void theScheduleListsEveryKindWithItsPeriodForLegalAndNotForModerators() {
        List<Map<String, Object>> schedule = as("legal-1", "legal")
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .extract()
                .path("schedule");
        assertThat(schedule)
                .extracting(l -> l.get("kind") + " " + days(l.get("period")))
                .containsExactlyInAnyOrder(
                        "resolved-appeals 365",
                        "appellant-standing 365",
                        "notifier-copies 190",
                        "disputes 1095",
                        "finished-timers 90",
                        "privacy-requests 1095",
                        "access-documents 30");
        assertThat(schedule)
                .allSatisfy(l -> assertThat((String) l.get("description")).isNotBlank());
        as("auditor-1", "auditor").get("/api/v1/privacy/retention").then().statusCode(200);
        as("mod-1", "moderator").get("/api/v1/privacy/retention").then().statusCode(403);
        as("legal-1", "legal").post("/api/v1/privacy/retention/runs").then().statusCode(403);
    }

    /** A period as JSON carries it: ISO-8601 ({@code PT8760H}) or seconds, by the mapper's settings. */
    private static long days(Object period) {
        String text = String.valueOf(period);
        return text.startsWith("P")
                ? Duration.parse(text).toDays()
                : Duration.ofSeconds(new java.math.BigDecimal(text).longValue()).toDays();
    }

    /** Every timer due by the clock has fired (the worker polls every second; a claimed one commits with its work). */
    private void timersSettled() {
        org.awaitility.Awaitility.await()
                .atMost(AppealsFixtures.WAIT)
                .untilAsserted(() -> assertThat(Sql.count(
                                db,
                                "SELECT count(*) FROM kit_timer WHERE fired_at IS NULL AND cancelled_at IS NULL "
                                        + "AND dead_at IS NULL AND due_at <= ?",
                                java.sql.Timestamp.from(clock.instant())))
                        .isZero());
    }

    private void travel(Instant to) {
        clock.travelTo(to);
    }

    private Map<String, Integer> run() throws Exception {
        return OnVertx.await(() -> job.runNow());
    }

    private long notifierRows(ReportFiled... reports) {
        long n = 0;
        for (ReportFiled r : reports) {
            n += Sql.count(db, "SELECT count(*) FROM report_notifier WHERE report_id = ?", r.reportId());
        }
        return n;
    }

    /** How many of the appeals still name their appellant. */
    private long identified(String... appeals) {
        long n = 0;
        for (String id : appeals) {
            n += Sql.count(
                    db,
                    "SELECT count(*) FROM appeal WHERE id = ?::uuid AND appellant_id IS NOT NULL AND anonymised_at IS NULL",
                    id);
        }
        return n;
    }

    private long standing(String key) {
        return Sql.count(db, "SELECT count(*) FROM appellant_standing WHERE appellant_key = ?", key);
    }

    private Object notes(String dispute) {
        return Sql.rows(db, "SELECT notes FROM dispute WHERE id = ?::uuid", dispute)
                .get(0)
                .get(0);
    }

    private Map<?, ?> figures(Instant from, Instant to) {
        return as("auditor-1", "auditor")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/v1/appeals/figures")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }
}
