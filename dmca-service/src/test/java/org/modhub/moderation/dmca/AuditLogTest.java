package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.hub;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Every state change legal makes, and those the service makes by itself, are in the append-only audit log for auditors. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class AuditLogTest {

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath log(String entityId) {
        return as("auditor-7", "auditor")
                .queryParam("entityId", entityId)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anAuditorReadsWhoAcceptedAndRejectedNoticesAndWhenAStrikeWasRecordedAndAModeratorCannot() {
        String ns = unique("ns");
        String uploader = unique("uploader");
        // The account's id (the token's sub, the strike's account) is not its name (the namespace, the subject key).
        hub().putAccount(ns, uploader, uploader + "@hub.localhost", null, null);
        String accepted = sendNotice(claimantEmail(), HUB + ns + "/model");
        String rejected = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");
        as("legal-4", "legal")
                .body(Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", uploader))))
                .post("/api/v1/dmca/notices/" + accepted + "/decision")
                .then()
                .statusCode(200);
        as("legal-5", "legal")
                .body(Map.of("decision", "REJECT", "reason", "FAIR_USE_EVIDENT", "explanation", "A short quotation."))
                .post("/api/v1/dmca/notices/" + rejected + "/decision")
                .then()
                .statusCode(200);

        JsonPath a = log(accepted);
        assertThat(a.getList("items.action", String.class)).containsExactly("NOTICE_ACCEPTED");
        assertThat(a.getString("items[0].actor")).isEqualTo("legal-4");
        assertThat(a.getString("items[0].entityType")).isEqualTo("notice");
        assertThat(a.getString("items[0].subjectKey")).isEqualTo("model:" + ns + "/model");
        JsonPath r = log(rejected);
        assertThat(r.getList("items.action", String.class)).containsExactly("NOTICE_REJECTED");
        assertThat(r.getString("items[0].actor")).isEqualTo("legal-5");
        assertThat(r.getString("items[0].detail")).contains("FAIR_USE_EVIDENT");

        // Not countered within the grace period: the strike is the service's own doing.
        clock.advance(Duration.ofDays(31));
        String strikeId = await().atMost(WAIT)
                .until(
                        () -> rows(db, "SELECT id FROM dmca_strike WHERE account_id = ?", uploader).stream()
                                .map(row -> String.valueOf(row.get(0)))
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath s = log(strikeId);
            assertThat(s.getList("items.action", String.class)).containsExactly("STRIKE_RECORDED");
            assertThat(s.getString("items[0].actor")).isEqualTo("system:dmca-service");
            assertThat(s.getString("items[0].subjectKey")).isEqualTo("account:" + ns);
        });

        // Moderators, users and strangers do not read it.
        for (String role : List.of("moderator", "senior-moderator", "legal", "user")) {
            RestAssured.given()
                    .auth()
                    .oauth2(TestTokens.token("someone", role))
                    .get("/api/v1/audit-log")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        RestAssured.given().get("/api/v1/audit-log").then().statusCode(401);
    }
}
