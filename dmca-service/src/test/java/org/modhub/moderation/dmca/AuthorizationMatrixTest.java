package org.modhub.moderation.dmca;

import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.notice;
import static org.modhub.moderation.dmca.DmcaFixtures.randomAddress;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every role (and no token): allowed roles get the endpoint's answer, other roles
 * 403, no token 401; a takedown that is not yours is a 404. Only the affected owner may counter-notify.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
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

    private record Endpoint(
            String name, BiFunction<RequestSpecification, String, Response> call, Function<String, Integer> expected) {}

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static RequestSpecification request(String role, String subject) {
        RequestSpecification r =
                RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", randomAddress());
        return role.equals(ANONYMOUS) ? r : r.auth().oauth2(TestTokens.token(subject, role));
    }

    private static int only(String role, Set<String> allowed, int status) {
        return role.equals(ANONYMOUS) ? 401 : allowed.contains(role) ? status : 403;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        // Someone else's accepted notice, takedown and counter-notice.
        String owner = unique("owner");
        String ns = owner;
        String noticeId = sendNotice(claimantEmail(), HUB + ns + "/model");
        accept(noticeId, owner);
        String takedownId = RestAssured.given()
                .auth()
                .oauth2(TestTokens.token("legal-1", Roles.LEGAL))
                .get("/api/v1/dmca/notices/" + noticeId)
                .then()
                .statusCode(200)
                .extract()
                .path("takedowns[0].id");
        Set<String> staffReaders = Set.of(Roles.LEGAL, Roles.ADMIN);

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "POST /api/v1/dmca/notices (public)",
                        (r, who) -> r.body(notice(claimantEmail(), HUB + unique("ns") + "/m"))
                                .post("/api/v1/dmca/notices"),
                        role -> 201),
                new Endpoint(
                        "GET /api/v1/dmca/notices",
                        (r, who) -> r.get("/api/v1/dmca/notices"),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "GET /api/v1/dmca/notices/{id}",
                        (r, who) -> r.get("/api/v1/dmca/notices/" + noticeId),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "GET /api/v1/dmca/notices/{id}/owners",
                        (r, who) -> r.get("/api/v1/dmca/notices/" + noticeId + "/owners"),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "POST /api/v1/dmca/notices/{id}/decision",
                        (r, who) -> r.body(Map.of(
                                        "decision",
                                        "REJECT",
                                        "reason",
                                        "INSUFFICIENT",
                                        "explanation",
                                        "No work named."))
                                .post("/api/v1/dmca/notices/" + sendNotice(claimantEmail(), HUB + unique("ns") + "/m")
                                        + "/decision"),
                        role -> only(role, Set.of(Roles.LEGAL), 200)),
                new Endpoint(
                        "POST /api/v1/dmca/notices/{someone else's}/counter-notices",
                        (r, who) -> r.body(counterNotice(HUB + ns + "/model"))
                                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices"),
                        role -> only(role, Set.of(Roles.USER), 404)),
                new Endpoint(
                        "GET /api/v1/dmca/takedowns",
                        (r, who) -> r.get("/api/v1/dmca/takedowns"),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "GET /api/v1/dmca/takedowns/mine",
                        (r, who) -> r.get("/api/v1/dmca/takedowns/mine"),
                        role -> only(role, Set.of(Roles.USER), 200)),
                new Endpoint(
                        "POST /api/v1/dmca/takedowns/{someone else's}/files-removed",
                        (r, who) -> r.post("/api/v1/dmca/takedowns/" + takedownId + "/files-removed"),
                        role -> only(role, Set.of(Roles.USER), 404)),
                new Endpoint(
                        "POST /api/v1/dmca/counter-notices/{unknown}/court-action",
                        (r, who) -> r.body(Map.of(
                                        "court",
                                        "c",
                                        "caseNumber",
                                        "1",
                                        "filedOn",
                                        "2026-11-01",
                                        "documentUrl",
                                        "https://x.example/c.pdf"))
                                .post("/api/v1/dmca/counter-notices/" + UUID.randomUUID() + "/court-action"),
                        role -> only(role, Set.of(Roles.LEGAL), 404)),
                new Endpoint(
                        "GET /api/v1/dmca/evidence",
                        (r, who) -> r.get("/api/v1/dmca/evidence"),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "POST /api/v1/dmca/evidence/{unknown}/confirm",
                        (r, who) -> r.body(Map.of("court", "c", "caseNumber", "1", "filedOn", "2026-11-01"))
                                .post("/api/v1/dmca/evidence/" + UUID.randomUUID() + "/confirm"),
                        role -> only(role, Set.of(Roles.LEGAL), 404)),
                new Endpoint(
                        "POST /api/v1/dmca/evidence/{unknown}/dismiss",
                        (r, who) -> r.body(Map.of("reason", "not a court action"))
                                .post("/api/v1/dmca/evidence/" + UUID.randomUUID() + "/dismiss"),
                        role -> only(role, Set.of(Roles.LEGAL), 404)),
                new Endpoint(
                        "GET /api/v1/audit-log",
                        (r, who) -> r.get("/api/v1/audit-log"),
                        role -> only(role, Set.of(Roles.AUDITOR, Roles.ADMIN), 200)),
                new Endpoint(
                        "GET /api/v1/dmca/strikes/{account}",
                        (r, who) -> r.get("/api/v1/dmca/strikes/" + owner),
                        role -> only(role, staffReaders, 200)),
                new Endpoint(
                        "GET /api/v1/public/dmca/notices",
                        (r, who) -> r.get("/api/v1/public/dmca/notices"),
                        role -> 200),
                new Endpoint(
                        "GET /api/v1/public/dmca/notices/export",
                        (r, who) -> r.get("/api/v1/public/dmca/notices/export"),
                        role -> 200));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String role : CALLERS) {
                tests.add(DynamicTest.dynamicTest(e.name() + " as " + role, () -> {
                    String subject = unique("caller");
                    e.call()
                            .apply(request(role, subject), subject)
                            .then()
                            .statusCode(e.expected().apply(role));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void onlyTheAffectedOwnerMayCounterNotify() {
        String owner = unique("owner");
        String ns = owner;
        String noticeId = sendNotice(claimantEmail(), HUB + ns + "/model");
        accept(noticeId, owner);
        // Another user, legal staff with the owner's role but another id, and the claimant's side: none of them.
        request(Roles.USER, unique("stranger"))
                .body(counterNotice(HUB + ns + "/model"))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(404);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.token("legal-1", Roles.LEGAL, Roles.USER))
                .body(counterNotice(HUB + ns + "/model"))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(404);
        request(Roles.USER, owner)
                .body(counterNotice(HUB + ns + "/model"))
                .post("/api/v1/dmca/notices/" + UUID.randomUUID() + "/counter-notices")
                .then()
                .statusCode(404);
        request(Roles.USER, owner)
                .body(counterNotice(HUB + ns + "/model"))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(201);
    }

    @Test
    void anotherUserSeesNoneOfYourTakedownsAndCannotActOnThem() {
        String owner = unique("owner");
        String ns = owner;
        String noticeId = sendNotice(claimantEmail(), HUB + ns + "/model");
        accept(noticeId, owner);
        String takedownId = RestAssured.given()
                .auth()
                .oauth2(TestTokens.token("legal-1", Roles.LEGAL))
                .get("/api/v1/dmca/notices/" + noticeId)
                .then()
                .statusCode(200)
                .extract()
                .path("takedowns[0].id");
        String stranger = unique("stranger");

        // The owner sees it; a stranger's list has none of it, and acting on it is a 404 with no data.
        request(Roles.USER, owner)
                .get("/api/v1/dmca/takedowns/mine")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(takedownId));
        String strangers = request(Roles.USER, stranger)
                .get("/api/v1/dmca/takedowns/mine")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(strangers)
                .doesNotContain(takedownId)
                .doesNotContain(noticeId)
                .doesNotContain(ns);
        Response refused =
                request(Roles.USER, stranger).post("/api/v1/dmca/takedowns/" + takedownId + "/files-removed");
        refused.then().statusCode(404).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(refused.asString())
                .doesNotContain(owner)
                .doesNotContain(ns);
        // Staff views are not for users, whoever's the notice is.
        request(Roles.USER, owner)
                .get("/api/v1/dmca/notices/" + noticeId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
