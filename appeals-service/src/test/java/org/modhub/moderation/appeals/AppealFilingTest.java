package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.appealAgainst;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.data;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.mails;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;
import static org.modhub.moderation.appeals.AppealsFixtures.toldAt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
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
 * Filing an appeal over REST: the event, the receipt, the window's edges, one open appeal per
 * decision and appellant, and field-level errors. Review-service is not running in these tests:
 * each appeal is filed against the copy of the decision this service keeps from review.events,
 * which proves that filing works while review-service is stopped.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AppealFilingTest {

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
    void theOwnerFilesAnAppealWhileReviewServiceIsDownAndGetsAReceipt() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS);
                var requests = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            var response = as(owner, "user")
                    .body(appealAgainst(decision.decisionId()))
                    .post("/api/v1/appeals")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("OPEN"))
                    .body("appellantRole", equalTo("OWNER"))
                    .body("subject", equalTo(decision.subject().key()))
                    .body("evidenceUrls", hasItems("https://example.org/sponsorship-contract.pdf"))
                    .body("dueAt", notNullValue())
                    .body("appellantEmail", equalTo(null))
                    .extract();
            String id = response.path("id");
            assertThat(response.header("Location")).endsWith("/api/v1/appeals/" + id);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(AppealFiled.TYPE))
                            .map(v -> data(v, AppealFiled.class))
                            .filteredOn(e -> e.appealId().toString().equals(id))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.decisionId()).isEqualTo(decision.decisionId());
                                assertThat(e.appellantId()).isEqualTo(owner);
                                assertThat(e.appellantRole()).isEqualTo(AppellantRole.OWNER);
                                assertThat(e.subject()).isEqualTo(decision.subject());
                            }));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(mails(requests, "appeal-received", owner + "@example.org"))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.threadKey()).isEqualTo("appeal:" + id);
                                assertThat(m.replyMailbox()).isEqualTo("legal");
                                assertThat(m.parameters())
                                        .containsEntry(
                                                "decisionId",
                                                decision.decisionId().toString());
                            }));
        }
    }

    @Test
    void theWindowIsOpenOnItsLastDayAndClosedOnTheDayAfter() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        LocalDate lastDay = LocalDate.ofInstant(toldAt(db, decision.decisionId()), ZoneOffset.UTC)
                .plusMonths(6);

        // First day out: 00:00:01 UTC on the day after the last day.
        clock.travelTo(lastDay.plusDays(1).atTime(LocalTime.of(0, 0, 1)).toInstant(ZoneOffset.UTC));
        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:appeal-window-closed"))
                .body("detail", org.hamcrest.Matchers.containsString(lastDay.toString()));
        assertThat(Sql.count(db, "SELECT count(*) FROM appeal WHERE decision_id = ?", decision.decisionId()))
                .isZero();

        // Last day in: a minute before midnight UTC of the last day.
        clock.travelTo(lastDay.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC));
        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("windowClosesOn", equalTo(lastDay.toString()));
    }

    @Test
    void theCallersAppealsComeAPageAtATimeNewestFirst() {
        String owner = newUser("owner");
        List<String> filed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(AppealsFixtures.file(
                    owner, known(db, restriction(owner, List.of())).decisionId()));
        }
        var first = as(owner, "user")
                .queryParam("limit", "2")
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(200)
                .body("nextCursor", notNullValue())
                .extract();
        assertThat(first.<List<String>>path("items.id")).containsExactly(filed.get(2), filed.get(1));
        as(owner, "user")
                .queryParam("limit", "2")
                .queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(filed.get(0)))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        as(owner, "user")
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }

    @Test
    void theStaffQueueComesAPageAtATimeInItsOrder() {
        for (int i = 0; i < 3; i++) {
            String owner = newUser("owner");
            AppealsFixtures.file(owner, known(db, restriction(owner, List.of())).decisionId());
        }
        List<String> whole = as("legal-1", "legal")
                .queryParam("limit", "100")
                .get("/api/v1/appeals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        var first = as("legal-1", "legal")
                .queryParam("limit", "2")
                .get("/api/v1/appeals")
                .then()
                .statusCode(200)
                .body("nextCursor", notNullValue())
                .extract();
        List<String> second = as("legal-1", "legal")
                .queryParam("limit", "2")
                .queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/v1/appeals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        List<String> paged = new java.util.ArrayList<>(first.<List<String>>path("items.id"));
        paged.addAll(second);
        assertThat(paged)
                .containsExactlyElementsOf(whole.subList(0, paged.size()))
                .doesNotHaveDuplicates();
        assertThat(paged).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void oneOpenAppealPerDecisionAndAppellant() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String first = AppealsFixtures.file(owner, decision.decisionId());

        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:modhub:problem:appeal-already-open"))
                .body("detail", org.hamcrest.Matchers.containsString(first));
        assertThat(Sql.count(db, "SELECT count(*) FROM appeal WHERE decision_id = ?", decision.decisionId()))
                .isOne();

        // Once decided, the appellant may appeal again (e.g. after new evidence).
        as("legal-1", "legal")
                .body(AppealsFixtures.resolution("UPHELD", List.of(), "The card is advertising."))
                .post("/api/v1/appeals/" + first + "/resolve")
                .then()
                .statusCode(200);
        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201);
    }

    @Test
    void aDecisionReversedMeanwhileCannotBeAppealed() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        DecisionReversed reversal = new DecisionReversed(
                UUID.randomUUID(),
                decision.decisionId(),
                decision.subject(),
                DecisionOrigin.OWN_INITIATIVE,
                null,
                null,
                "Staff corrected their own mistake.",
                decision.actions(),
                "mod-2",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(
                Topics.REVIEW_EVENTS,
                decision.subject().key(),
                AppealsFixtures.encode(EventSources.REVIEW_SERVICE, reversal));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.count(
                                db,
                                "SELECT count(*) FROM decision_copy WHERE decision_id = ? AND reversed_by_decision = ?",
                                decision.decisionId(),
                                reversal.decisionId()))
                        .isOne());
        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:modhub:problem:decision-already-reversed"));
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        as(newUser("owner"), "user")
                .body(appealAgainst(UUID.randomUUID()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputNamesEachField() {
        Map<String, Object> body = appealAgainst(UUID.randomUUID());
        body.put("decisionId", "not-a-uuid");
        body.put("arguments", "x".repeat(5001));
        body.put(
                "evidenceUrls",
                List.of("https://ok.example.org/a", "ftp://files.example.org/b", "javascript:alert(1)"));
        body.put("residence", "Germany");
        as(newUser("owner"), "user")
                .body(body)
                .post("/api/v1/appeals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:validation"))
                .body(
                        "errors.field",
                        hasItems("decisionId", "arguments", "evidenceUrls[1]", "evidenceUrls[2]", "residence"));

        Map<String, Object> empty = appealAgainst(UUID.randomUUID());
        empty.put("arguments", "   ");
        as(newUser("owner"), "user")
                .body(empty)
                .post("/api/v1/appeals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("arguments"));

        Map<String, Object> tooMany = appealAgainst(UUID.randomUUID());
        tooMany.put("evidenceUrls", java.util.Collections.nCopies(11, "https://example.org/x"));
        as(newUser("owner"), "user")
                .body(tooMany)
                .post("/api/v1/appeals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("evidenceUrls"));

        Map<String, Object> unknown = appealAgainst(UUID.randomUUID());
        unknown.put("fee", 10);
        as(newUser("owner"), "user")
                .body(unknown)
                .post("/api/v1/appeals")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:unknown-field"));
    }
}
