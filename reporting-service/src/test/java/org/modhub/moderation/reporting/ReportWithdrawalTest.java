package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.auditOf;
import static org.modhub.moderation.reporting.ReportingFixtures.data;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.noAction;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendDecision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.devstack.test.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A notifier withdraws their undecided report: once, only their own, and review is told. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportWithdrawalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theNotifierWithdrawsTheirUndecidedReportOnceAndReviewIsToldToDropIt() {
        String alice = newUser("alice");
        String model = newModel();
        String id = file(alice, reportOnModel(model));

        Response first = as(alice, "user")
                .body(Map.of("reason", "I reported the wrong model"))
                .post("/api/v1/reports/" + id + "/withdraw");
        first.then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnAt", notNullValue());
        // Withdrawing again (a retried request) answers the same and changes nothing.
        as(alice, "user")
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnAt", equalTo(first.path("withdrawnAt")));
        as(alice, "user").get("/api/v1/reports/" + id).then().body("status", equalTo("WITHDRAWN"));

        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportWithdrawn.TYPE))
                            .map(v -> data(v, ReportWithdrawn.class))
                            .filteredOn(e -> e.reportId().toString().equals(id))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.subject().key()).isEqualTo("model:" + model);
                                assertThat(e.withdrawnBy()).isEqualTo(alice);
                                assertThat(e.reason()).isEqualTo("I reported the wrong model");
                            }));
        }
        // Written with the state change: one outbox row, one audit line.
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                        "%" + ReportWithdrawn.TYPE + "%",
                        "%" + id + "%"))
                .isEqualTo(1);
        auditOf(id)
                .body("items.action", org.hamcrest.Matchers.contains("REPORT_WITHDRAWN"))
                .body("items[0].actor", equalTo(alice));

        // Reporting the same subject again is a new report, not merged into the withdrawn one.
        as(alice, "user")
                .body(reportOnModel(model))
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void someoneElsesReportIsNotFoundADecidedOneIsAConflictAndAnOverlongReasonIsRefused() {
        String owner = newUser("owner");
        String model = newModel();
        String id = file(owner, reportOnModel(model));

        as(newUser("mallory"), "user")
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(newUser("mallory"), "user")
                .post("/api/v1/reports/" + UUID.randomUUID() + "/withdraw")
                .then()
                .statusCode(404);
        // A malformed id is answered like an unknown one (kit Params.id).
        as(owner, "user")
                .post("/api/v1/reports/not-a-uuid/withdraw")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(owner, "user")
                .body(Map.of("reason", "x".repeat(2001)))
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(owner, "user")
                .body(Map.of("reason", "x", "extra", 1))
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(400);
        // Nothing above changed it.
        as(owner, "user").get("/api/v1/reports/" + id).then().body("status", equalTo("RECEIVED"));

        sendDecision(noAction("model:" + model, List.of(UUID.fromString(id)), false));
        await().atMost(WAIT)
                .untilAsserted(() ->
                        as(owner, "user").get("/api/v1/reports/" + id).then().body("status", equalTo("DECIDED")));
        as(owner, "user")
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                        "%" + ReportWithdrawn.TYPE + "%",
                        "%" + id + "%"))
                .isZero();
    }

    @Test
    void aWithdrawalWithoutABodyIsAcceptedButACrossSiteFormPostIsNot() throws Exception {
        String bob = newUser("bob");
        String id = file(bob, reportOnModel(newModel()));
        // What a cross-site form would send: refused, and the report stays as it was.
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.token(bob, "user"))
                .contentType("application/x-www-form-urlencoded")
                .body("reason=csrf")
                .post("/api/v1/reports/" + id + "/withdraw")
                .then()
                .statusCode(415);
        as(bob, "user").get("/api/v1/reports/" + id).then().body("status", equalTo("RECEIVED"));
        // As curl -X POST sends it: no body, no Content-Type.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                        + "/api/v1/reports/" + id + "/withdraw"))
                                .header("Authorization", "Bearer " + TestTokens.token(bob, "user"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"WITHDRAWN\"");
    }

    @Test
    void aDecisionThatArrivesAfterTheWithdrawalLeavesItWithdrawnAndTellsThatNotifierNothing() {
        String carol = newUser("carol");
        String model = newModel();
        String withdrawn = file(carol, reportOnModel(model));
        String kept = file(newUser("dave"), reportOnModel(model));
        as(carol, "user")
                .post("/api/v1/reports/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);

        // Review decided before it applied the withdrawal: the decision names both reports, and finds them unfounded.
        sendDecision(noAction("model:" + model, List.of(UUID.fromString(withdrawn), UUID.fromString(kept)), true));
        await().atMost(WAIT)
                .untilAsserted(() -> as("mod-1", "moderator")
                        .get("/api/v1/reports/" + kept)
                        .then()
                        .body("status", equalTo("DECIDED")));
        as(carol, "user")
                .get("/api/v1/reports/" + withdrawn)
                .then()
                .body("status", equalTo("WITHDRAWN"))
                .body("outcome", org.hamcrest.Matchers.nullValue());
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                        "%report-outcome%",
                        "%" + withdrawn + "%"))
                .isZero();
        as("mod-1", "moderator").get("/api/v1/notifiers/user:" + carol).then().body("unfoundedReports", equalTo(0));
    }
}
