package org.modhub.moderation.reporting;

import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.reporting.ReportingFixtures.anonymous;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOn;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every role (and no token), against someone else's report: allowed roles get
 * the endpoint's answer, other roles 403, no token 401, and a report that is not yours 404.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
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

    /** One endpoint: how to call it, and the status each caller gets. */
    private record Endpoint(
            String name,
            BiFunction<RequestSpecification, String, Response> call,
            java.util.function.Function<String, Integer> expected) {}

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        // Someone else's reports: a public one on a repository and a private one on a comment.
        String owner = newUser("owner");
        String publicReport = file(owner, reportOnModel(newModel()));
        String privateReport = file(owner, reportOn("comment", "model:" + newModel() + "#1/c-1"));

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "POST /api/v1/reports",
                        (r, who) -> r.body(reportOnModel(newModel())).post("/api/v1/reports"),
                        role -> only(role, Set.of(Roles.USER), 201)),
                new Endpoint(
                        "GET /api/v1/reports/mine",
                        (r, who) -> r.get("/api/v1/reports/mine"),
                        role -> only(role, Set.of(Roles.USER), 200)),
                new Endpoint(
                        "GET /api/v1/reports/{someone else's}",
                        (r, who) -> r.get("/api/v1/reports/" + privateReport),
                        role -> role.equals(ANONYMOUS) ? 401 : STAFF.contains(role) ? 200 : 404),
                new Endpoint(
                        "GET /api/v1/reports/{someone else's public}",
                        (r, who) -> r.get("/api/v1/reports/" + publicReport),
                        role -> role.equals(ANONYMOUS) ? 401 : STAFF.contains(role) ? 200 : 404),
                new Endpoint(
                        "GET /api/v1/reports/{unknown}",
                        (r, who) -> r.get("/api/v1/reports/" + UUID.randomUUID()),
                        role -> role.equals(ANONYMOUS) ? 401 : 404),
                new Endpoint(
                        "GET /api/v1/reports (staff search)",
                        (r, who) -> r.get("/api/v1/reports"),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "POST /api/v1/reports/{id}/triage",
                        (r, who) -> r.body(Map.of("category", "platform_abuse"))
                                .post("/api/v1/reports/" + publicReport + "/triage"),
                        role -> only(role, STAFF, 409)),
                new Endpoint(
                        "GET /api/v1/public/reports/{public}",
                        (r, who) -> r.get("/api/v1/public/reports/" + publicReport),
                        role -> 200),
                new Endpoint(
                        "GET /api/v1/public/reports/{private}",
                        (r, who) -> r.get("/api/v1/public/reports/" + privateReport),
                        role -> 404),
                new Endpoint(
                        "POST /api/v1/flags",
                        (r, who) -> r.body(flag()).post("/api/v1/flags"),
                        role -> only(role, union(STAFF, Set.of(Roles.DETECTOR)), 201)),
                new Endpoint(
                        "GET /api/v1/notifiers/{owner}",
                        (r, who) -> r.get("/api/v1/notifiers/user:" + owner),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "POST /api/v1/notifiers/{n}/warn",
                        (r, who) -> r.body(Map.of("reason", "matrix"))
                                .post("/api/v1/notifiers/user:" + newUser("target") + "/warn"),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "POST /api/v1/notifiers/{n}/suspend",
                        (r, who) -> r.body(Map.of("reason", "matrix"))
                                .post("/api/v1/notifiers/user:" + newUser("target") + "/suspend"),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "POST /api/v1/notifiers/{n}/lift",
                        (r, who) -> r.body(Map.of("reason", "matrix"))
                                .post("/api/v1/notifiers/user:" + newUser("target") + "/lift"),
                        role -> only(role, STAFF, 409)),
                new Endpoint(
                        "POST /api/v1/notifiers/{n}/mute",
                        (r, who) -> r.body(Map.of("reason", "matrix"))
                                .post("/api/v1/notifiers/user:" + newUser("target") + "/mute"),
                        role -> only(role, STAFF, 200)),
                new Endpoint(
                        "POST /api/v1/notifiers/{n}/unmute",
                        (r, who) -> r.body(Map.of("reason", "matrix"))
                                .post("/api/v1/notifiers/user:" + newUser("target") + "/unmute"),
                        role -> only(role, STAFF, 409)),
                new Endpoint(
                        "POST /api/v1/reports/{someone else's}/release",
                        (r, who) -> r.post("/api/v1/reports/" + privateReport + "/release"),
                        role -> only(role, STAFF, 409)),
                new Endpoint(
                        "POST /api/v1/reports/{unknown}/release",
                        (r, who) -> r.post("/api/v1/reports/" + UUID.randomUUID() + "/release"),
                        role -> only(role, STAFF, 404)),
                new Endpoint(
                        "POST /api/v1/reports/{someone else's}/triage (private)",
                        (r, who) -> r.body(Map.of("category", "platform_abuse"))
                                .post("/api/v1/reports/" + privateReport + "/triage"),
                        role -> only(role, STAFF, 409)),
                new Endpoint(
                        "POST /api/v1/reports/{someone else's}/withdraw",
                        (r, who) -> r.post("/api/v1/reports/" + privateReport + "/withdraw"),
                        role -> only(role, Set.of(Roles.USER), 404)),
                new Endpoint(
                        "POST /api/v1/reports/{own}/withdraw",
                        (r, who) -> r.post("/api/v1/reports/" + file(who, reportOnModel(newModel())) + "/withdraw"),
                        role -> only(role, Set.of(Roles.USER), 200)),
                new Endpoint(
                        "GET /api/v1/audit-log",
                        (r, who) -> r.get("/api/v1/audit-log"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)),
                new Endpoint(
                        "PUT /api/v1/notifiers/{n}/trusted-flagger",
                        (r, who) -> r.put("/api/v1/notifiers/user:" + newUser("target") + "/trusted-flagger"),
                        role -> only(role, Set.of(Roles.ADMIN), 200)),
                new Endpoint(
                        "DELETE /api/v1/notifiers/{n}/trusted-flagger",
                        (r, who) -> r.delete("/api/v1/notifiers/user:" + newUser("target") + "/trusted-flagger"),
                        role -> only(role, Set.of(Roles.ADMIN), 200)));

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

    private static int only(String role, Set<String> allowed, int success) {
        if (role.equals(ANONYMOUS)) {
            return 401;
        }
        return allowed.contains(role) ? success : 403;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Object> flag() {
        Map<String, Object> body = reportOnModel(newModel());
        body.remove("jurisdiction");
        return body;
    }
}
