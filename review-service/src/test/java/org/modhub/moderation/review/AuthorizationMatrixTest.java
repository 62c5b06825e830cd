package org.modhub.moderation.review;

import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Every endpoint × every role (and no token): allowed roles get the endpoint's answer, other roles
 * 403, no token 401. State-changing endpoints are called on unknown ids, so an allowed role's
 * answer is 404 and the matrix changes nothing; reads use a real case, decision and subject.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class AuthorizationMatrixTest {

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
    private static final Set<String> STAFF = Set.of(Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN);
    private static final Set<String> DECIDERS = Set.of(Roles.MODERATOR, Roles.SENIOR_MODERATOR);

    private record Endpoint(
            String name, BiFunction<RequestSpecification, String, Response> call, Function<String, Integer> expected) {}

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        SubjectRef model = newModel();
        String caseId = claim(newCase(db, model), "matrix-mod");
        String decisionId = moderator("matrix-mod")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> decision = spamDecision(List.of("NO_ACTION"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /cases", (r, who) -> r.get("/api/v1/cases"), role -> only(role, STAFF, 200)),
                new Endpoint(
                        "GET /cases/{id}",
                        (r, who) -> r.get("/api/v1/cases/" + caseId),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "GET /cases/{unknown}",
                        (r, who) -> r.get("/api/v1/cases/" + unknown),
                        role -> only(role, STAFF, 404)),
                new Endpoint(
                        "GET /cases/{id}/subject",
                        (r, who) -> r.get("/api/v1/cases/" + caseId + "/subject"),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "GET /cases/{unknown}/subject",
                        (r, who) -> r.get("/api/v1/cases/" + unknown + "/subject"),
                        role -> only(role, STAFF, 404)),
                new Endpoint(
                        "POST /cases/{id}/claim",
                        (r, who) -> r.post("/api/v1/cases/" + unknown + "/claim"),
                        role -> only(role, DECIDERS, 404)),
                new Endpoint(
                        "POST /cases/{id}/release",
                        (r, who) -> r.post("/api/v1/cases/" + unknown + "/release"),
                        role -> only(role, DECIDERS, 404)),
                new Endpoint(
                        "POST /cases/{id}/reassign",
                        (r, who) -> r.body(Map.of("assignee", "x")).post("/api/v1/cases/" + unknown + "/reassign"),
                        role -> only(role, Set.of(Roles.SENIOR_MODERATOR, Roles.ADMIN), 404)),
                new Endpoint(
                        "POST /cases/{id}/escalate",
                        (r, who) -> r.body(Map.of("reason", "x")).post("/api/v1/cases/" + unknown + "/escalate"),
                        role -> only(role, DECIDERS, 404)),
                new Endpoint(
                        "POST /cases/{id}/notes",
                        (r, who) -> r.body(Map.of("body", "x", "shareable", false))
                                .post("/api/v1/cases/" + unknown + "/notes"),
                        role -> only(role, STAFF, 404)),
                new Endpoint(
                        "POST /cases/{id}/decisions",
                        (r, who) -> r.body(decision).post("/api/v1/cases/" + unknown + "/decisions"),
                        role -> only(role, DECIDERS, 404)),
                new Endpoint(
                        "POST /cases/{id}/decisions/preview",
                        (r, who) -> r.body(decision).post("/api/v1/cases/" + unknown + "/decisions/preview"),
                        role -> only(role, DECIDERS, 404)),
                new Endpoint(
                        "POST /cases/{id}/owner-response",
                        (r, who) -> r.body(Map.of("response", "CHANGED", "text", "x"))
                                .post("/api/v1/cases/" + caseId + "/owner-response"),
                        role -> only(role, Set.of(Roles.USER), 404)),
                new Endpoint(
                        "GET /decisions/{id} (not the owner)",
                        (r, who) -> r.get("/api/v1/decisions/" + decisionId),
                        role -> role.equals(ANONYMOUS)
                                ? 401
                                : STAFF.contains(role) || role.equals(Roles.AUDITOR) ? 200 : 404),
                new Endpoint(
                        "GET /decisions/pending-approval",
                        (r, who) -> r.get("/api/v1/decisions/pending-approval"),
                        role -> only(role, Set.of(Roles.SENIOR_MODERATOR), 200)),
                new Endpoint(
                        "POST /decisions/{id}/approve",
                        (r, who) -> r.post("/api/v1/decisions/" + unknown + "/approve"),
                        role -> only(role, Set.of(Roles.SENIOR_MODERATOR), 404)),
                new Endpoint(
                        "POST /decisions/{id}/reject",
                        (r, who) -> r.body(Map.of("reason", "x")).post("/api/v1/decisions/" + unknown + "/reject"),
                        role -> only(role, Set.of(Roles.SENIOR_MODERATOR), 404)),
                new Endpoint(
                        "GET /subjects/{key}/restrictions",
                        (r, who) -> r.get("/api/v1/subjects/" + model.key() + "/restrictions"),
                        role -> only(role, union(STAFF, Set.of(Roles.AUDITOR)), 200)),
                new Endpoint(
                        "POST /policy-versions",
                        (r, who) -> r.body(policy()).post("/api/v1/policy-versions"),
                        role -> only(role, Set.of(Roles.ADMIN), 201)),
                new Endpoint("GET /policy-versions", (r, who) -> r.get("/api/v1/policy-versions"), role -> 200),
                new Endpoint(
                        "GET /policy-versions/current",
                        (r, who) -> r.get("/api/v1/policy-versions/current"),
                        role -> 200),
                new Endpoint(
                        "GET /policy-versions/in-force",
                        (r, who) -> r.queryParam("at", "2025-06-01").get("/api/v1/policy-versions/in-force"),
                        role -> 200),
                new Endpoint(
                        "GET /audit-log",
                        (r, who) -> r.get("/api/v1/audit-log"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)),
                new Endpoint(
                        "GET /statements-of-reasons",
                        (r, who) -> r.queryParam("from", "2026-01-01")
                                .queryParam("to", "2026-01-02")
                                .get("/api/v1/statements-of-reasons"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)),
                new Endpoint(
                        "GET /statements-of-reasons/submissions",
                        (r, who) -> r.get("/api/v1/statements-of-reasons/submissions"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)),
                new Endpoint(
                        "GET /transparency/report",
                        (r, who) -> r.queryParam("from", "2026-01-01")
                                .queryParam("to", "2026-01-31")
                                .get("/api/v1/transparency/report"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String caller : CALLERS) {
                int expected = endpoint.expected().apply(caller);
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " -> " + expected, () -> {
                    String who = newUser("matrix-" + caller.replaceAll("[^a-z-]", ""));
                    RequestSpecification request = caller.equals(ANONYMOUS) ? anonymous() : as(who, caller);
                    Response response = endpoint.call().apply(request, who);
                    response.then().statusCode(expected);
                    if (expected >= 400) {
                        response.then().contentType("application/problem+json").body("status", equalTo(expected));
                    }
                    if (expected == 401) {
                        response.then().header("WWW-Authenticate", "Bearer");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aModeratorCannotActOnACaseAnotherHolds() {
        String holder = newUser("holder");
        String other = newUser("other");
        String caseId = claim(newCase(db, newModel()), holder);

        moderator(other)
                .post("/api/v1/cases/" + caseId + "/release")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        moderator(other)
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        moderator(other)
                .post("/api/v1/cases/" + caseId + "/claim")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // Nothing changed hands, and no decision was written.
        moderator(holder)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary.assignee", equalTo(holder))
                .body("decisions.size()", equalTo(0));
        // A user who does not own the subject learns nothing about the case.
        as(newUser("stranger"), "user")
                .body(Map.of("response", "CHANGED", "text", "x"))
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("assignee", org.hamcrest.Matchers.nullValue());
    }

    private static int only(String role, Set<String> allowed, int success) {
        if (role.equals(ANONYMOUS)) {
            return 401;
        }
        return allowed.contains(role) ? success : 403;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Object> policy() {
        Instant effective = Instant.now()
                .plus(20, ChronoUnit.DAYS)
                .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 10_000_000))
                .truncatedTo(ChronoUnit.SECONDS);
        return Map.of(
                "version",
                "matrix-" + UUID.randomUUID(),
                "title",
                "Content Policy",
                "summary",
                "Matrix test version.",
                "effectiveAt",
                effective.toString());
    }
}
