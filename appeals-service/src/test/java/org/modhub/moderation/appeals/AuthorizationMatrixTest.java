package org.modhub.moderation.appeals;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.appeals.AppealsFixtures.anonymous;
import static org.modhub.moderation.appeals.AppealsFixtures.appealAgainst;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.reportBy;
import static org.modhub.moderation.appeals.AppealsFixtures.resolution;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Who may appeal and who may read an appeal. The owner a decision restricted, or a notifier of a
 * report it answered, whatever it decided (DSA Art. 20(1)); a party who may not gets a 403 saying why,
 * anyone else a 404. Only the appellant and reviewing staff read an appeal. And every endpoint ×
 * every role (and no token): allowed roles get past the role check (the endpoint's own answer),
 * other roles 403, no token 401, someone else's appeal 404.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AuthorizationMatrixTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void whoMayAppealARestriction() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = restriction(owner, List.of());
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);

        anonymous()
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as(newUser("stranger"), "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(404);
        // Issue 21 changed this from 403 not-appealable: a notifier may think the restriction too little (DSA Art.
        // 20(1)).
        as(notifier, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("appellantRole", equalTo("NOTIFIER"))
                .body("residence", equalTo("DE"));
        // Staff without the user role do not file appeals for others.
        as(owner, "legal")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(403);
        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("appellantRole", equalTo("OWNER"));
    }

    @Test
    void whoMayAppealADecisionWithoutAction() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(owner, List.of(), false);
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);

        as(owner, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:modhub:problem:not-appealable"));
        as(newUser("stranger"), "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(404);
        as(notifier, "user")
                .body(appealAgainst(decision.decisionId()))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .body("appellantRole", equalTo("NOTIFIER"))
                // The notifier's report named their country: it decides the redress they will be told of.
                .body("residence", equalTo("DE"));
    }

    @Test
    void onlyTheAppellantAndReviewingStaffReadAnAppeal() {
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(owner, List.of(), false);
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);
        String appeal = AppealsFixtures.file(notifier, decision.decisionId());
        String path = "/api/v1/appeals/" + appeal;

        as(notifier, "user")
                .get(path)
                .then()
                .statusCode(200)
                .body("id", equalTo(appeal))
                .body("appellantEmail", equalTo(null))
                .body("reviewerId", equalTo(null));
        // The owner of the content is not told who appealed, nor that anyone did.
        as(owner, "user").get(path).then().statusCode(404);
        as(newUser("stranger"), "user").get(path).then().statusCode(404);
        as(AppealsFixtures.DECIDER, "moderator").get(path).then().statusCode(404);
        as("auditor-1", "auditor").get(path).then().statusCode(404);
        anonymous().get(path).then().statusCode(401);
        as("legal-1", "legal")
                .get(path)
                .then()
                .statusCode(200)
                .body("appellantId", equalTo(notifier))
                .body("appellantEmail", equalTo(notifier + "@example.org"))
                .body("identityVerified", equalTo(true));
        as("senior-1", "senior-moderator").get(path).then().statusCode(200).body("appellantId", equalTo(notifier));
        as("legal-1", "legal").get("/api/v1/appeals/not-a-uuid").then().statusCode(404);

        as(notifier, "user")
                .get("/api/v1/appeals/mine")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(appeal));
        as(owner, "user").get("/api/v1/appeals/mine").then().statusCode(200).body("items", hasSize(0));

        // The staff queue and the review are for reviewers only.
        as(notifier, "user").get("/api/v1/appeals").then().statusCode(403);
        as("mod-1", "moderator").get("/api/v1/appeals").then().statusCode(403);
        as("legal-1", "legal").get("/api/v1/appeals").then().statusCode(200).body("items", notNullValue());
        as(notifier, "user")
                .body(resolution("REVERSED", List.of("UNRANK"), "I say so."))
                .post(path + "/resolve")
                .then()
                .statusCode(403);
        as("admin-1", "admin")
                .body(resolution("REVERSED", List.of("UNRANK"), "I say so."))
                .post(path + "/resolve")
                .then()
                .statusCode(403);
        // The appellant cannot decide their own appeal, whatever roles they hold.
        as(notifier, "user", "legal")
                .body(resolution("REVERSED", List.of("UNRANK"), "I say so."))
                .post(path + "/resolve")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:modhub:problem:reviewer-not-independent"));
    }

    private static final String ANONYMOUS = "(no token)";
    private static final List<String> CALLERS = List.of(
            ANONYMOUS,
            Roles.USER,
            Roles.MODERATOR,
            Roles.SENIOR_MODERATOR,
            Roles.LEGAL,
            Roles.ADMIN,
            Roles.AUDITOR,
            Roles.DETECTOR);
    private static final Set<String> REVIEWERS = Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN);
    private static final Set<String> FIGURES = Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN, Roles.AUDITOR);
    /** An allowed caller whose answer depends on the data, not on the role: anything but 401, 403 and 5xx. */
    private static final int PAST_ROLE_CHECK = -1;

    private record Endpoint(
            String name, BiFunction<RequestSpecification, String, Response> call, Function<String, Integer> expected) {}

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        // Someone else's appeal: a notifier's, against a decision without action.
        String owner = newUser("owner");
        String notifier = newUser("notifier");
        DecisionTaken draft = noAction(owner, List.of(), false);
        ReportFiled report = reportBy(notifier, "DE", draft.subject());
        DecisionTaken decision = known(db, AppealReviewTest.withReports(draft, report), report);
        String appeal = AppealsFixtures.file(notifier, decision.decisionId());
        String unknown = UUID.randomUUID().toString();

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "POST /appeals (a decision that is not yours)",
                        (r, who) -> r.body(appealAgainst(decision.decisionId())).post("/api/v1/appeals"),
                        role -> only(role, Set.of(Roles.USER), 404)),
                new Endpoint(
                        "GET /appeals/mine",
                        (r, who) -> r.get("/api/v1/appeals/mine"),
                        role -> only(role, Set.of(Roles.USER), 200)),
                new Endpoint(
                        "GET /appeals/{someone else's}",
                        (r, who) -> r.get("/api/v1/appeals/" + appeal),
                        role -> role.equals(ANONYMOUS) ? 401 : REVIEWERS.contains(role) ? 200 : 404),
                new Endpoint(
                        "GET /appeals/{unknown}",
                        (r, who) -> r.get("/api/v1/appeals/" + unknown),
                        role -> role.equals(ANONYMOUS) ? 401 : 404),
                new Endpoint(
                        "GET /appeals (queue)",
                        (r, who) -> r.get("/api/v1/appeals"),
                        role -> only(role, REVIEWERS, 200)),
                new Endpoint(
                        "GET /appeals/figures",
                        (r, who) -> r.get("/api/v1/appeals/figures"),
                        role -> only(role, FIGURES, 200)),
                new Endpoint(
                        "POST /appeals/{unknown}/resolve",
                        (r, who) -> r.body(resolution("UPHELD", List.of(), "Matrix."))
                                .post("/api/v1/appeals/" + unknown + "/resolve"),
                        role -> only(role, Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR), 404)),
                new Endpoint(
                        "GET /appellants/{notifier}",
                        (r, who) -> r.get("/api/v1/appellants/user:" + notifier),
                        role -> only(role, REVIEWERS, 200)),
                new Endpoint(
                        "POST /appellants/{notifier}/lift",
                        (r, who) -> r.body(Map.of("reason", "Matrix."))
                                .post("/api/v1/appellants/user:" + notifier + "/lift"),
                        role -> only(role, REVIEWERS, PAST_ROLE_CHECK)),
                new Endpoint(
                        "POST /disputes",
                        (r, who) -> r.body(Map.of(
                                        "decisionId", unknown, "body", "Matrix Body", "submittedOn", "2026-10-01"))
                                .post("/api/v1/disputes"),
                        role -> only(role, REVIEWERS, PAST_ROLE_CHECK)),
                new Endpoint(
                        "POST /disputes/{unknown}/outcome",
                        (r, who) -> r.body(
                                        Map.of("outcome", "SETTLED", "settledOn", "2026-11-01", "implemented", false))
                                .post("/api/v1/disputes/" + unknown + "/outcome"),
                        role -> only(role, REVIEWERS, 404)),
                new Endpoint(
                        "GET /disputes", (r, who) -> r.get("/api/v1/disputes"), role -> only(role, REVIEWERS, 200)),
                new Endpoint(
                        "GET /disputes/{unknown}",
                        (r, who) -> r.get("/api/v1/disputes/" + unknown),
                        role -> only(role, REVIEWERS, 404)),
                new Endpoint(
                        "GET /disputes/figures",
                        (r, who) -> r.get("/api/v1/disputes/figures"),
                        role -> only(role, FIGURES, 200)));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String caller : CALLERS) {
                int expected = endpoint.expected().apply(caller);
                tests.add(DynamicTest.dynamicTest(
                        endpoint.name() + " as " + caller + " -> "
                                + (expected == PAST_ROLE_CHECK ? "past the role check" : expected),
                        () -> {
                            String who = newUser("matrix-" + caller.replaceAll("[^a-z-]", ""));
                            RequestSpecification request = caller.equals(ANONYMOUS) ? anonymous() : as(who, caller);
                            Response response = endpoint.call().apply(request, who);
                            int status = response.statusCode();
                            if (expected == PAST_ROLE_CHECK) {
                                org.assertj.core.api.Assertions.assertThat(status)
                                        .as(endpoint.name() + " as " + caller)
                                        .isNotIn(401, 403)
                                        .isLessThan(500);
                            } else {
                                response.then().statusCode(expected);
                            }
                            if (status >= 400) {
                                response.then()
                                        .contentType("application/problem+json")
                                        .body("status", equalTo(status));
                            }
                            if (status == 401) {
                                response.then().header("WWW-Authenticate", "Bearer");
                            }
                            if (status == 404 || status == 403) {
                                // Never the other person's data alongside the refusal.
                                org.assertj.core.api.Assertions.assertThat(response.asString())
                                        .doesNotContain(notifier + "@example.org");
                            }
                        }));
            }
        }
        return tests.stream();
    }

    private static int only(String role, Set<String> allowed, int success) {
        if (role.equals(ANONYMOUS)) {
            return 401;
        }
        return allowed.contains(role) ? success : 403;
    }
}
