package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.appealAgainst;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.mails;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.resolution;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Appeals escalate when their due time passes (a kit timer); appellants who keep filing manifestly
 * unfounded appeals are warned, then suspended for a time (DSA Art. 23(2)); the suspension ends by
 * itself. The test profile warns at 2 and suspends at 3.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class EscalationAndMisuseTest {

    @Inject
    DataSource db;

    @Inject
    TravelClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anAppealPastItsDueTimeEscalatesToTheTopOfTheQueue() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        as("legal-1", "legal").get("/api/v1/appeals/" + appeal).then().body("escalated", equalTo(false));

        // A day before the first is due, a second appeal comes in: due 13 days after the first.
        clock.advance(Duration.ofDays(13));
        String owner2 = newUser("owner");
        String later = AppealsFixtures.file(
                owner2, known(db, restriction(owner2, List.of())).decisionId());
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        await().atMost(WAIT)
                .untilAsserted(() -> as("legal-1", "legal")
                        .get("/api/v1/appeals/" + appeal)
                        .then()
                        .body("escalated", equalTo(true)));
        assertThat(AppealsFixtures.auditOf(appeal))
                .extracting(l -> l.get("action") + " by " + l.get("actor"))
                .containsExactly("APPEAL_ESCALATED by system:appeals-service");
        as("legal-1", "legal").get("/api/v1/appeals/" + later).then().body("escalated", equalTo(false));
        List<String> queue = as("legal-1", "legal")
                .queryParam("limit", "100")
                .get("/api/v1/appeals")
                .then()
                .statusCode(200)
                .body("items[0].escalated", equalTo(true))
                .extract()
                .path("items.id");
        assertThat(queue).contains(appeal);
        if (queue.contains(later)) {
            assertThat(queue.indexOf(appeal)).isLessThan(queue.indexOf(later));
        }
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE kind = 'appeals.review-due' AND timer_key = ? "
                                + "AND fired_at IS NOT NULL",
                        appeal))
                .isOne();
    }

    @Test
    void aResolvedAppealNeverEscalates() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        as("legal-1", "legal")
                .body(resolution("UPHELD", List.of(), "Spam."))
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(200);
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE kind = 'appeals.review-due' AND timer_key = ? "
                                + "AND cancelled_at IS NOT NULL",
                        appeal))
                .isOne();
    }

    @Test
    void manifestlyUnfoundedAppealsEarnAWarningThenASuspensionThatEnds() {
        String owner = newUser("owner");
        String email = owner + "@example.org";
        try (var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            unfounded(owner);
            as("legal-1", "legal")
                    .get("/api/v1/appellants/user:" + owner)
                    .then()
                    .statusCode(200)
                    .body("unfoundedAppeals", equalTo(1))
                    .body("warnings", equalTo(0));
            unfounded(owner);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appellant-warning", email))
                            .hasSize(1));
            as("legal-1", "legal")
                    .get("/api/v1/appellants/user:" + owner)
                    .then()
                    .body("warnings", equalTo(1))
                    .body("suspended", equalTo(false));
            unfounded(owner);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appellant-suspension", email))
                            .hasSize(1));
            Map<String, Object> standing = as("legal-1", "legal")
                    .get("/api/v1/appellants/user:" + owner)
                    .then()
                    .body("suspended", equalTo(true))
                    .body("suspensions", equalTo(1))
                    .extract()
                    .as(Map.class);

            // While suspended, appeals are not handled: told why and until when, in words and as members a client
            // reads.
            DecisionTaken next = known(db, restriction(owner, List.of()));
            as(owner, "user")
                    .body(appealAgainst(next.decisionId()))
                    .post("/api/v1/appeals")
                    .then()
                    .statusCode(403)
                    .body("type", equalTo("urn:modhub:problem:appellant-suspended"))
                    .body("suspendedUntil", equalTo(standing.get("suspendedUntil")))
                    .body("reason", equalTo(standing.get("suspensionReason")))
                    .body("reason", org.hamcrest.Matchers.containsString("manifestly unfounded, after a warning"))
                    .body(
                            "detail",
                            org.hamcrest.Matchers.containsString(
                                    "not handled until " + standing.get("suspendedUntil")));

            // The suspension ends by itself (the kit timer), and appeals are handled again.
            clock.advance(Duration.ofDays(31));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appellant-reinstated", email))
                            .hasSize(1));
            as(owner, "user")
                    .body(appealAgainst(next.decisionId()))
                    .post("/api/v1/appeals")
                    .then()
                    .statusCode(201);
        }
        // Each step is kept for the appellant's history and the transparency figures.
        assertThat(Sql.rows(
                        db, "SELECT kind FROM appellant_sanction WHERE appellant_key = ? ORDER BY at", "user:" + owner))
                .extracting(row -> row.get(0))
                .containsExactly("WARNED", "SUSPENDED", "REINSTATED");
        // ...and announced on appeals.events, in order, for the transparency figures.
        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.poll().stream()
                                    .filter(r -> ("appellant:" + owner).equals(r.key()))
                                    .map(r -> r.value())
                                    .map(v -> v.replaceAll(
                                            "(?s).*\"type\":\"org\\.modhub\\.moderation\\.appeals\\.(\\w+)\\.v1\".*",
                                            "$1"))
                                    .toList())
                            .containsExactly("AppellantWarned", "AppellantSuspended", "AppellantReinstated"));
        }
        as("auditor-1", "auditor")
                .queryParam("from", "2000-01-01")
                .queryParam("to", "2999-01-01")
                .get("/api/v1/appeals/figures")
                .then()
                .statusCode(200)
                .body("sanctions.SUSPENDED", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("manifestlyUnfounded", org.hamcrest.Matchers.greaterThanOrEqualTo(3))
                .body("outcomes.UPHELD", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        as(owner, "user").get("/api/v1/appeals/figures").then().statusCode(403);
        as("auditor-1", "auditor")
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01")
                .get("/api/v1/appeals/figures")
                .then()
                .statusCode(400);
        // A manifestly unfounded finding needs the decision upheld.
        DecisionTaken decision = known(db, restriction(newUser("o"), List.of()));
        String other = newUser("owner");
        DecisionTaken mine = known(db, restriction(other, List.of()));
        String appeal = AppealsFixtures.file(other, mine.decisionId());
        Map<String, Object> body = new HashMap<>(resolution("REVERSED", List.of(), "Wrong decision."));
        body.put("manifestlyUnfounded", true);
        as("legal-1", "legal")
                .body(body)
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("manifestlyUnfounded"));
        assertThat(decision).isNotNull();
    }

    @Test
    void staffCanLiftASuspensionAndOnlyStaffSeeStanding() {
        String owner = newUser("owner");
        unfounded(owner);
        unfounded(owner);
        unfounded(owner);
        await().atMost(WAIT)
                .untilAsserted(() -> as("legal-1", "legal")
                        .get("/api/v1/appellants/user:" + owner)
                        .then()
                        .body("suspended", equalTo(true)));
        as(owner, "user").get("/api/v1/appellants/user:" + owner).then().statusCode(403);
        as("legal-1", "legal")
                .body(Map.of())
                .post("/api/v1/appellants/user:" + owner + "/lift")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("legal-1", "legal")
                .body(Map.of("reason", "Suspended in error"))
                .post("/api/v1/appellants/user:" + owner + "/lift")
                .then()
                .statusCode(200)
                .body("suspended", equalTo(false));
        as("legal-1", "legal")
                .body(Map.of("reason", "Again"))
                .post("/api/v1/appellants/user:" + owner + "/lift")
                .then()
                .statusCode(409);
        // The audit log: the ladder's steps by rule (the service), the lift by the staff member who lifted it.
        assertThat(AppealsFixtures.auditOf("user:" + owner))
                .extracting(l -> l.get("action") + " by " + l.get("actor"))
                .containsExactly(
                        "APPELLANT_WARNED by system:appeals-service",
                        "APPELLANT_SUSPENDED by system:appeals-service",
                        "APPELLANT_SUSPENSION_LIFTED by legal-1");
        as("legal-1", "legal").get("/api/v1/appellants/nobody").then().statusCode(400);
    }

    /** Files an appeal against a fresh restriction of the user's and has it found manifestly unfounded. */
    private void unfounded(String owner) {
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());
        Map<String, Object> body =
                new HashMap<>(resolution("UPHELD", List.of(), "The appeal repeats the spam it contests."));
        body.put("manifestlyUnfounded", true);
        as("legal-1", "legal")
                .body(body)
                .post("/api/v1/appeals/" + appeal + "/resolve")
                .then()
                .statusCode(200);
    }
}
