package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Bad input is a 400 (or 413) in problem details naming the field, and nothing is written. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportValidationTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("subject", b -> b.remove("subject")),
                bad("subject.kind", b -> ((Map<String, Object>) b.get("subject")).put("kind", "repository")),
                bad("subject.id", b -> ((Map<String, Object>) b.get("subject")).put("id", "acme/../etc")),
                bad("subject.id", b -> ((Map<String, Object>) b.get("subject")).put("id", "no-slash")),
                bad("subject.path", b -> ((Map<String, Object>) b.get("subject")).put("path", "../secrets")),
                bad("subject.revision", b -> ((Map<String, Object>) b.get("subject")).put("revision", "main")),
                bad("subject.url", b -> ((Map<String, Object>) b.get("subject")).put("url", "javascript:alert(1)")),
                bad("category", b -> b.remove("category")),
                bad("category", b -> b.put("category", "rudeness")),
                bad("subcategory", b -> b.put("subcategory", "no_such_thing")),
                bad("subcategory", b -> b.put("subcategory", "harassment")),
                bad("explanation", b -> b.remove("explanation")),
                bad("explanation", b -> b.put("explanation", "   ")),
                bad("explanation", b -> b.put("explanation", "x".repeat(5001))),
                bad("evidenceUrls[0]", b -> b.put("evidenceUrls", List.of("ftp://example.org/file"))),
                bad(
                        "evidenceUrls[1]",
                        b -> b.put("evidenceUrls", List.of("https://ok.example.org", "file:///etc/passwd"))),
                bad("evidenceUrls", b -> b.put("evidenceUrls", tooManyLinks())),
                bad("jurisdiction", b -> b.put("jurisdiction", "Germany")),
                bad("jurisdiction", b -> b.put("jurisdiction", "XX")),
                bad("goodFaithStatement", b -> b.put("allegesIllegalContent", true)),
                bad("contactEmail", b -> b.put("contactEmail", "not an address")));
    }

    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    private static List<String> tooManyLinks() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            links.add("https://example.org/" + i);
        }
        return links;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void invalidFieldIsRefusedByNameAndNothingIsWritten(String field, Consumer<Map<String, Object>> change) {
        String user = newUser("bad");
        Map<String, Object> body = reportOnModel(newModel());
        body.put("subject", new HashMap<>((Map<?, ?>) body.get("subject")));
        change.accept(body);

        as(user, "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:validation"))
                .body("errors.field", hasItem(field))
                .body("status", equalTo(400));

        assertThat(count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "user:" + user))
                .isZero();
    }

    @Test
    void unknownFieldIsRefused() {
        Map<String, Object> body = reportOnModel(newModel());
        body.put("priority", "urgent");
        as(newUser("u"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:unknown-field"))
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void malformedJsonIsRefused() {
        as(newUser("u"), "user")
                .body("{\"subject\": {\"kind\": \"model\",")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:malformed-body"));
        as(newUser("u"), "user")
                .body("[1, 2]")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:malformed-body"));
        as(newUser("u"), "user")
                .body("{\"evidenceUrls\": \"https://example.org\"}")
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidenceUrls"));
    }

    @Test
    void missingBodyIsRefused() {
        as(newUser("u"), "user").post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        Map<String, Object> body = reportOnModel(newModel());
        body.put("explanation", "x".repeat(300 * 1024));
        as(newUser("u"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:payload-too-large"));
    }

    @Test
    void malformedIdempotencyKeyIsRefused() {
        as(newUser("u"), "user")
                .header("Idempotency-Key", "x".repeat(201))
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("header.Idempotency-Key"));
    }

    @Test
    void badPagingParametersAreRefused() {
        as(newUser("u"), "user")
                .queryParam("limit", 0)
                .get("/api/v1/reports/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.limit"));
        as(newUser("u"), "user")
                .queryParam("limit", "ten")
                .get("/api/v1/reports/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.limit"));
        as(newUser("u"), "user")
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/reports/mine")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }

    @Test
    void flagWithBadInputIsRefusedByName() {
        Map<String, Object> body = reportOnModel(newModel());
        body.remove("jurisdiction");
        body.put("category", "nope");
        body.put("evidenceUrls", List.of("data:text/html,hi"));
        as("scanner", "detector")
                .body(body)
                .post("/api/v1/flags")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("evidenceUrls[0]"))
                .body("detail", containsString("category"));
        body.put("category", "platform_abuse");
        body.put("evidenceUrls", List.of());
        body.put("automatedDetection", false);
        as("scanner", "detector")
                .body(body)
                .post("/api/v1/flags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("automatedDetection"));
    }
}
