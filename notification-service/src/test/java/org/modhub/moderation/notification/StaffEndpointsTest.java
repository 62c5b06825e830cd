package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.notification.NotificationFixtures.anonymous;
import static org.modhub.moderation.notification.NotificationFixtures.as;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.receipt;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The delivery log and template previews: staff only, bad input named, problem details throughout. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class StaffEndpointsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void staffFindAMailInTheDeliveryLogPageByPage() {
        String to = newRecipient("logged");
        var first = receipt(to);
        var second = receipt(to);
        publish(first);
        publish(second);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("mod-1", "moderator")
                        .queryParam("recipient", to.toUpperCase())
                        .queryParam("status", "sent")
                        .get("/api/v1/deliveries")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(2)));

        String cursor = as("legal-1", "legal")
                .queryParam("recipient", to)
                .queryParam("limit", 1)
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].idempotencyKey", equalTo(second.idempotencyKey()))
                .body("items[0].threadKey", equalTo(second.threadKey()))
                .body("items[0].messageId", containsString("@hub.localhost>"))
                .extract()
                .path("nextCursor");
        String id = as("admin-1", "admin")
                .queryParam("recipient", to)
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("items[0].idempotencyKey", equalTo(first.idempotencyKey()))
                .body("nextCursor", nullValue())
                .extract()
                .path("items[0].id");
        as("mod-1", "senior-moderator")
                .get("/api/v1/deliveries/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attempts", equalTo(1))
                .body("recipient", equalTo(to));
    }

    @Test
    void theDeliveryLogIsForStaffOnly() {
        anonymous().get("/api/v1/deliveries").then().statusCode(401).contentType("application/problem+json");
        as("alice", "user").get("/api/v1/deliveries").then().statusCode(403).contentType("application/problem+json");
        as("aud", "auditor").get("/api/v1/deliveries").then().statusCode(403);
        as("alice", "user")
                .post("/api/v1/templates/report-receipt/preview")
                .then()
                .statusCode(403);
        anonymous().get("/api/v1/templates").then().statusCode(401);
    }

    @Test
    void badSearchInputIsA400NamingTheFieldAndABadIdA404() {
        as("mod-1", "moderator")
                .queryParam("status", "LOST")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("query.status"));
        as("mod-1", "moderator")
                .queryParam("limit", 0)
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("query.limit"));
        as("mod-1", "moderator")
                .queryParam("from", "yesterday")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("query.from"));
        as("mod-1", "moderator")
                .queryParam("cursor", "bogus")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("query.cursor"));
        // A malformed id names no delivery, like an unknown one (the kit's rule in every service).
        as("mod-1", "moderator")
                .get("/api/v1/deliveries/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:not-found"));
        as("mod-1", "moderator")
                .get("/api/v1/deliveries/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staffPreviewAnyTemplateWithSampleOrOwnParameters() {
        as("mod-1", "moderator")
                .get("/api/v1/templates")
                .then()
                .statusCode(200)
                .body("id", hasItem("dmca-takedown-uploader"))
                .body("id", hasItem("report-receipt"));
        String html = as("legal-1", "legal")
                .body(Map.of("parameters", Map.of("noticeId", "N-1", "reason", "<b>fair use</b>")))
                .post("/api/v1/templates/dmca-notice-rejected/preview")
                .then()
                .statusCode(200)
                .body("subject", equalTo("Your DMCA notice N-1 was rejected"))
                .body("text", containsString("<b>fair use</b>"))
                .extract()
                .path("html");
        assertThat(html).contains("&lt;b&gt;fair use&lt;/b&gt;");
        as("mod-1", "moderator")
                .body(Map.of("locale", "de-AT"))
                .post("/api/v1/templates/report-receipt/preview")
                .then()
                .statusCode(200)
                .body("locale", equalTo("de"))
                .body("subject", containsString("Meldung"));
        // An empty body previews the samples.
        as("mod-1", "moderator")
                .post("/api/v1/templates/owner-decision/preview")
                .then()
                .statusCode(200)
                .body("text", containsString("Statement of reasons"));
    }

    @Test
    void previewInputErrorsNameTheField() {
        as("mod-1", "moderator")
                .body(Map.of())
                .post("/api/v1/templates/no-such/preview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("mod-1", "moderator")
                .body(Map.of("parameters", Map.of("nonsense", "x")))
                .post("/api/v1/templates/report-receipt/preview")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parameters.nonsense"));
        as("mod-1", "moderator")
                .body(Map.of("locale", "not a locale"))
                .post("/api/v1/templates/report-receipt/preview")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("locale"));
        java.util.Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("reportId", null);
        as("mod-1", "moderator")
                .body(Map.of("parameters", cleared))
                .post("/api/v1/templates/report-receipt/preview")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("parameters.reportId"));
    }
}
