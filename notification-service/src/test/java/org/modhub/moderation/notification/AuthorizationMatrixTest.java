package org.modhub.moderation.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.notification.NotificationFixtures.anonymous;
import static org.modhub.moderation.notification.NotificationFixtures.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
 * Every endpoint × every role (and no token): the delivery log holds addresses, so only staff
 * (moderator, senior moderator, legal, admin) get answers; user, auditor and detector 403, no
 * token 401, all in problem details and without data. Unmatched mail is also readable by auditors,
 * but only staff mark it handled.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
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

    private static final Set<String> STAFF_AND_AUDITORS =
            Set.of(Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR);

    private record Endpoint(
            String name, Function<RequestSpecification, Response> call, int success, Set<String> allowed) {
        Endpoint(String name, Function<RequestSpecification, Response> call, int success) {
            this(name, call, success, STAFF);
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /api/v1/deliveries", r -> r.get("/api/v1/deliveries"), 200),
                new Endpoint(
                        "GET /api/v1/deliveries/{unknown}", r -> r.get("/api/v1/deliveries/" + UUID.randomUUID()), 404),
                new Endpoint("GET /api/v1/templates", r -> r.get("/api/v1/templates"), 200),
                new Endpoint(
                        "POST /api/v1/templates/{id}/preview",
                        r -> r.body(Map.of("locale", "en")).post("/api/v1/templates/report-receipt/preview"),
                        200),
                // Unmatched mail: staff read and mark it, auditors read it.
                new Endpoint(
                        "GET /api/v1/mail/unmatched", r -> r.get("/api/v1/mail/unmatched"), 200, STAFF_AND_AUDITORS),
                new Endpoint(
                        "GET /api/v1/mail/unmatched/{unknown}",
                        r -> r.get("/api/v1/mail/unmatched/" + UUID.randomUUID()),
                        404,
                        STAFF_AND_AUDITORS),
                new Endpoint(
                        "POST /api/v1/mail/unmatched/{unknown}/handled",
                        r -> r.post("/api/v1/mail/unmatched/" + UUID.randomUUID() + "/handled"),
                        404,
                        STAFF));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String caller : CALLERS) {
                int expected =
                        caller.equals(ANONYMOUS) ? 401 : endpoint.allowed().contains(caller) ? endpoint.success() : 403;
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " -> " + expected, () -> {
                    String who = "matrix-" + caller.replaceAll("[^a-z-]", "") + "-"
                            + UUID.randomUUID().toString().substring(0, 8);
                    RequestSpecification request = caller.equals(ANONYMOUS) ? anonymous() : as(who, caller);
                    Response response = endpoint.call().apply(request);
                    response.then().statusCode(expected);
                    if (expected >= 400) {
                        response.then()
                                .contentType("application/problem+json")
                                .body("status", equalTo(expected))
                                .body("items", org.hamcrest.Matchers.nullValue());
                    }
                    if (expected == 401) {
                        response.then().header("WWW-Authenticate", "Bearer");
                    }
                }));
            }
        }
        return tests.stream();
    }
}
