package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** Policy versions (ten days' notice, in force at a date) and the append-only audit log. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class PolicyAndAuditTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPolicyVersionTakesEffectNoSoonerThanTenDaysAfterPosting() {
        String version = "v-" + newUser("p");
        Map<String, Object> tooSoon = Map.of(
                "version",
                version,
                "title",
                "Content Policy",
                "summary",
                "Clarifies spam.",
                "effectiveAt",
                Instant.now()
                        .plus(9, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        as("ada", "admin")
                .body(tooSoon)
                .post("/api/v1/policy-versions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("effectiveAt"));

        Instant effective = Instant.now()
                .plus(11, ChronoUnit.DAYS)
                .plusSeconds(ThreadLocalRandom.current().nextInt(1, 86_400))
                .truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = Map.of(
                "version",
                version,
                "title",
                "Content Policy",
                "summary",
                "Clarifies spam.",
                "url",
                "https://huggingface.co/content-policy",
                "effectiveAt",
                effective.toString());
        as("ada", "admin")
                .body(body)
                .post("/api/v1/policy-versions")
                .then()
                .statusCode(201)
                .body("version", equalTo(version))
                .body("postedBy", equalTo("ada"));
        as("ada", "admin").body(body).post("/api/v1/policy-versions").then().statusCode(409);
        as("mia", "moderator").body(body).post("/api/v1/policy-versions").then().statusCode(403);

        // Not yet in force: decisions today cite an older version; at its effective date it is the one.
        anonymous()
                .get("/api/v1/policy-versions/current")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.not(equalTo(version)));
        anonymous()
                .queryParam("at", effective.plusSeconds(1).toString())
                .get("/api/v1/policy-versions/in-force")
                .then()
                .statusCode(200)
                .body("version", equalTo(version));
        anonymous()
                .queryParam("at", "2025-05-01")
                .get("/api/v1/policy-versions/in-force")
                .then()
                .statusCode(200)
                .body("version", equalTo("2025-04-10"));
        anonymous()
                .queryParam("at", "2020-01-01")
                .get("/api/v1/policy-versions/in-force")
                .then()
                .statusCode(404);
        anonymous()
                .queryParam("at", "yesterday")
                .get("/api/v1/policy-versions/in-force")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.at"));
    }

    @Test
    void auditorsReadEveryChangeOfACaseAndNobodyCanRewriteIt() {
        String caseId = claim(newCase(db, newModel()), "mia");
        as("aud", "auditor")
                .queryParam("caseId", caseId)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .body("items.action", hasItems("case.opened", "case.claimed"))
                .body("items.actor", hasItems("system:review-service", "mia"));
        as("aud", "auditor")
                .queryParam("caseId", caseId)
                .queryParam("limit", 1)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        as("mia", "moderator").get("/api/v1/audit-log").then().statusCode(403);

        assertThatThrownBy(() -> Sql.update(db, "UPDATE kit_audit_log SET actor = 'nobody' WHERE scope_id = ?", caseId))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update(db, "DELETE FROM kit_audit_log WHERE scope_id = ?", caseId))
                .hasStackTraceContaining("append-only");
        assertThat(Sql.count(db, "SELECT count(*) FROM kit_audit_log WHERE scope_id = ? AND actor = 'mia'", caseId))
                .isEqualTo(1);
    }
}
