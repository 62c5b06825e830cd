package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Out-of-court dispute records (DSA Art. 21) and their Art. 24(1)(a) figures. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class DisputeTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void staffRecordDisputesAndTheirOutcomesAndTheFiguresFollow() {
        // A body of its own, so the figures are only this test's.
        String body = "Test Body " + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String appeal = AppealsFixtures.file(owner, decision.decisionId());

        String first = record(decision.decisionId(), appeal, body, today.minusDays(30));
        String second = record(decision.decisionId(), null, body, today.minusDays(20));
        record(decision.decisionId(), null, body, today.minusDays(10));

        as("legal-1", "legal")
                .body(Map.of(
                        "outcome",
                        "IN_FAVOUR_OF_RECIPIENT",
                        "settledOn",
                        today.minusDays(10).toString(),
                        "implemented",
                        true,
                        "implementedOn",
                        today.minusDays(5).toString()))
                .post("/api/v1/disputes/" + first + "/outcome")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("IN_FAVOUR_OF_RECIPIENT"))
                .body("implemented", equalTo(true));
        as("legal-1", "legal")
                .body(Map.of("outcome", "IN_FAVOUR_OF_PROVIDER", "settledOn", today.toString()))
                .post("/api/v1/disputes/" + second + "/outcome")
                .then()
                .statusCode(200);

        // Only this body's disputes: 3 submitted, 2 settled (after 20 days each), 1 of 1 for the recipient implemented.
        as("auditor-1", "auditor")
                .queryParam("from", today.minusDays(30).toString())
                .queryParam("to", today.toString())
                .get("/api/v1/disputes/figures")
                .then()
                .statusCode(200)
                .body("byBody.'" + body + "'", equalTo(3));
        as("legal-1", "legal")
                .queryParam("from", today.minusDays(30).toString())
                .get("/api/v1/disputes")
                .then()
                .statusCode(200)
                .body("items.findAll { it.body == '" + body + "' }.size()", equalTo(3))
                .body(
                        "items.findAll { it.body == '" + body + "' }.outcome",
                        hasItems("IN_FAVOUR_OF_RECIPIENT", "IN_FAVOUR_OF_PROVIDER"));
        // Two at a time: the first page says where the next one starts, and the pages never repeat a dispute.
        var firstPage = as("legal-1", "legal")
                .queryParam("from", today.minusDays(30).toString())
                .queryParam("limit", 2)
                .get("/api/v1/disputes")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .extract();
        String next = firstPage.path("nextCursor");
        assertThat(next).isNotBlank();
        List<String> firstIds = firstPage.path("items.id");
        List<String> secondIds = as("legal-1", "legal")
                .queryParam("from", today.minusDays(30).toString())
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/disputes")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void theFiguresCountOutcomesMedianAndImplementation() {
        // A period of its own, far in the past, so other tests' disputes stay out.
        LocalDate start = LocalDate.of(2001, 3, 1);
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String a = record(decision.decisionId(), null, "Body A", start);
        String b = record(decision.decisionId(), null, "Body B", start.plusDays(1));
        record(decision.decisionId(), null, "Body A", start.plusDays(2));
        end(a, "IN_FAVOUR_OF_RECIPIENT", start.plusDays(40), false);
        end(b, "IN_FAVOUR_OF_RECIPIENT", start.plusDays(61), true);

        as("auditor-1", "auditor")
                .queryParam("from", start.toString())
                .queryParam("to", start.plusDays(2).toString())
                .get("/api/v1/disputes/figures")
                .then()
                .statusCode(200)
                .body("submitted", equalTo(3))
                .body("settled", equalTo(2))
                .body("pending", equalTo(1))
                .body("outcomes.IN_FAVOUR_OF_RECIPIENT", equalTo(2))
                .body("outcomes.SETTLED", equalTo(0))
                .body("medianDaysToSettle", equalTo(50.0f))
                .body("decidedForRecipient", equalTo(2))
                .body("implemented", equalTo(1))
                .body("implementedShare", equalTo(0.5f))
                .body("byBody.'Body A'", equalTo(2));
    }

    @Test
    void eachRecordAndEndingIsAnnouncedOnAppealsEventsWithoutPersonalData() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        Map<String, Object> request = new HashMap<>();
        request.put("decisionId", decision.decisionId().toString());
        request.put("body", "Appeals Centre Europe");
        request.put("submittedOn", today.minusDays(9).toString());
        request.put("notes", "Owner " + owner + "@example.org asked the body by phone.");
        String id = as("legal-1", "legal")
                .body(request)
                .post("/api/v1/disputes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A refused ending changes nothing and announces nothing.
        as("legal-1", "legal")
                .body(Map.of(
                        "outcome", "SETTLED", "settledOn", today.minusDays(10).toString()))
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(400);
        end(id, "IN_FAVOUR_OF_RECIPIENT", today.minusDays(2), true);

        // For review-service's transparency report: ids, the body and dates; never notes, names or addresses.
        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS)) {
            List<List<String>> seen = new java.util.ArrayList<>(List.of(List.of()));
            await().atMost(WAIT).untilAsserted(() -> {
                seen.set(
                        0,
                        events.poll().stream()
                                .filter(r -> ("dispute:" + id).equals(r.key()))
                                .map(r -> r.value())
                                .toList());
                assertThat(seen.get(0)).hasSize(2);
            });
            List<String> mine = seen.get(0);
            assertThat(mine.get(0))
                    .contains(
                            "\"type\":\"org.modhub.moderation.appeals.DisputeRecorded.v1\"",
                            "\"disputeId\":\"" + id + "\"",
                            "\"body\":\"Appeals Centre Europe\"",
                            "\"submittedOn\":\"" + today.minusDays(9) + "\"");
            assertThat(mine.get(1))
                    .contains(
                            "\"type\":\"org.modhub.moderation.appeals.DisputeSettled.v1\"",
                            "\"outcome\":\"IN_FAVOUR_OF_RECIPIENT\"",
                            "\"settledOn\":\"" + today.minusDays(2) + "\"",
                            "\"implemented\":true");
            assertThat(mine).allSatisfy(event -> assertThat(event).doesNotContain(owner, "@", "phone"));
        }
    }

    @Test
    void anImplementedDecisionForTheRecipientReachesTheLedgerExactlyOnce() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        String id = record(decision.decisionId(), null, "Appeals Centre Europe", today.minusDays(40));
        try (var events = KafkaProbe.from(Topics.APPEALS_EVENTS)) {
            // The body decided for the user; the hub has not acted yet: announced, not implemented.
            end(id, "IN_FAVOUR_OF_RECIPIENT", today.minusDays(6), false);
            // Only a decision for the recipient is implemented: one for the provider leaves the decision as it stands.
            as("legal-1", "legal")
                    .body(Map.of(
                            "outcome",
                            "IN_FAVOUR_OF_PROVIDER",
                            "settledOn",
                            today.minusDays(6).toString(),
                            "implemented",
                            true))
                    .post("/api/v1/disputes/" + id + "/outcome")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("implemented"));
            as("legal-1", "legal")
                    .body(Map.of(
                            "outcome",
                            "IN_FAVOUR_OF_RECIPIENT",
                            "settledOn",
                            today.minusDays(6).toString(),
                            "implemented",
                            true,
                            "implementedOn",
                            today.plusDays(1).toString()))
                    .post("/api/v1/disputes/" + id + "/outcome")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("implementedOn"));
            Map<String, Object> implemented = Map.of(
                    "outcome",
                    "IN_FAVOUR_OF_RECIPIENT",
                    "settledOn",
                    today.minusDays(6).toString(),
                    "implemented",
                    true,
                    "implementedOn",
                    today.minusDays(1).toString());
            as("legal-1", "legal")
                    .body(implemented)
                    .post("/api/v1/disputes/" + id + "/outcome")
                    .then()
                    .statusCode(200)
                    .body("implemented", equalTo(true))
                    .body("implementedOn", equalTo(today.minusDays(1).toString()));
            // Recorded twice (a second click, a colleague): the same answer, nothing announced again.
            as("legal-2", "legal")
                    .body(implemented)
                    .post("/api/v1/disputes/" + id + "/outcome")
                    .then()
                    .statusCode(200)
                    .body("implemented", equalTo(true));
            // Once the ledger followed it, the ending is final.
            as("legal-2", "legal")
                    .body(Map.of(
                            "outcome",
                            "SETTLED",
                            "settledOn",
                            today.minusDays(6).toString()))
                    .post("/api/v1/disputes/" + id + "/outcome")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");

            List<List<String>> seen = new java.util.ArrayList<>(List.of(List.of()));
            await().atMost(WAIT).untilAsserted(() -> {
                seen.set(
                        0,
                        events.poll().stream()
                                .filter(r -> ("dispute:" + id).equals(r.key()))
                                .map(r -> r.value())
                                .filter(v -> v.contains("DisputeSettled"))
                                .toList());
                assertThat(seen.get(0)).hasSize(2);
            });
            List<String> settled = seen.get(0).stream()
                    .map(v -> AppealsFixtures.data(v, DisputeSettled.class).toString())
                    .toList();
            assertThat(seen.get(0).get(0)).contains("\"implemented\":false");
            DisputeSettled forLedger = AppealsFixtures.data(seen.get(0).get(1), DisputeSettled.class);
            assertThat(forLedger.decisionId()).as(settled.toString()).isEqualTo(decision.decisionId());
            assertThat(forLedger.outcome()).isEqualTo(DisputeOutcome.IN_FAVOUR_OF_RECIPIENT);
            assertThat(forLedger.implemented()).isTrue();
            assertThat(forLedger.implementedOn()).isEqualTo(today.minusDays(1));
        }
        // Nothing more waits to be announced: the outbox holds exactly the two endings of this dispute.
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE message_key = ? AND payload LIKE '%DisputeSettled%'",
                        "dispute:" + id))
                .isEqualTo(2);
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE message_key = ? AND payload LIKE '%\"implemented\":true%'",
                        "dispute:" + id))
                .isOne();
    }

    @Test
    void implementedWithoutADateIsImplementedTheDayItIsRecorded() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DecisionTaken decision = known(db, restriction(newUser("owner"), List.of()));
        String id = record(decision.decisionId(), null, "User Rights", today.minusDays(20));
        end(id, "IN_FAVOUR_OF_RECIPIENT", today.minusDays(2), true);
        as("legal-1", "legal")
                .get("/api/v1/disputes/" + id)
                .then()
                .statusCode(200)
                .body("implemented", equalTo(true))
                .body("implementedOn", equalTo(today.toString()));
    }

    @Test
    void badInputAndRolesAreRefused() {
        String owner = newUser("owner");
        DecisionTaken decision = known(db, restriction(owner, List.of()));
        as("legal-1", "legal")
                .body(Map.of("decisionId", "x", "submittedOn", "yesterday"))
                .post("/api/v1/disputes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("decisionId", "body", "submittedOn"));
        as("legal-1", "legal")
                .body(Map.of("decisionId", UUID.randomUUID().toString(), "body", "B", "submittedOn", "2026-01-01"))
                .post("/api/v1/disputes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("decisionId"));
        as("legal-1", "legal")
                .body(Map.of(
                        "decisionId",
                        decision.decisionId().toString(),
                        "body",
                        "B",
                        "submittedOn",
                        LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/v1/disputes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("submittedOn"));
        String id = record(
                decision.decisionId(), null, "B", LocalDate.now(ZoneOffset.UTC).minusDays(3));
        as("legal-1", "legal")
                .body(Map.of(
                        "outcome",
                        "SETTLED",
                        "settledOn",
                        LocalDate.now(ZoneOffset.UTC).minusDays(4).toString()))
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("settledOn"));
        as("legal-1", "legal")
                .body(Map.of("outcome", "WON"))
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("outcome", "settledOn"));
        as(owner, "user").get("/api/v1/disputes/" + id).then().statusCode(403);
        as("mod-1", "moderator").get("/api/v1/disputes").then().statusCode(403);
        as("auditor-1", "auditor").get("/api/v1/disputes/" + id).then().statusCode(403);
        as("legal-1", "legal")
                .get("/api/v1/disputes/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    private static String record(UUID decisionId, String appealId, String body, LocalDate submittedOn) {
        Map<String, Object> request = new HashMap<>();
        request.put("decisionId", decisionId.toString());
        request.put("appealId", appealId);
        request.put("body", body);
        request.put("submittedOn", submittedOn.toString());
        return as("legal-1", "legal")
                .body(request)
                .post("/api/v1/disputes")
                .then()
                .statusCode(201)
                .body("recordedBy", equalTo("legal-1"))
                .extract()
                .path("id");
    }

    private static void end(String id, String outcome, LocalDate settledOn, boolean implemented) {
        Map<String, Object> request = new HashMap<>();
        request.put("outcome", outcome);
        request.put("settledOn", settledOn.toString());
        request.put("implemented", implemented);
        as("legal-1", "legal")
                .body(request)
                .post("/api/v1/disputes/" + id + "/outcome")
                .then()
                .statusCode(200);
    }
}
