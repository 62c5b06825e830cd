package org.modhub.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.matching.MatchingFixtures.hub;
import static org.modhub.moderation.matching.MatchingFixtures.importCsv;
import static org.modhub.moderation.matching.MatchingFixtures.randomSha;
import static org.modhub.moderation.matching.MatchingFixtures.upload;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.ScrapedMetrics;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** An upload check that cannot be answered is what the operator's UploadChecksFailing alert counts. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class CheckMetricsTest {

    private static final String FAILURES = "matching_check_failures_total";
    private static final String STALL = "metrics_test_no_match_events";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void putBack() {
        Sql.update(db, "ALTER TABLE kit_outbox DROP CONSTRAINT IF EXISTS " + STALL);
    }

    @Test
    void aCheckWhoseMatchCannotBeRecordedFailsAndIsCounted() {
        String refused = randomSha();
        importCsv(
                        "legal-m",
                        "signal_type,signal,source,reason,verdict\r\n" + "sha256," + refused + ",list-"
                                + UUID.randomUUID() + ",CSAM classifier,REFUSE\r\n")
                .then()
                .statusCode(201);
        double before = ScrapedMetrics.scrape().count(FAILURES, "reason", "database");
        checkOf(refused).then().statusCode(200).body("verdict", equalTo("REFUSE"));
        assertThat(ScrapedMetrics.scrape().count(FAILURES, "reason", "database"))
                .as("an answered check is no failure")
                .isEqualTo(before);

        // The database refuses the match's UploadMatched event: the check cannot be answered.
        Sql.update(
                db, "ALTER TABLE kit_outbox ADD CONSTRAINT " + STALL + " CHECK (topic <> 'matching.events') NOT VALID");
        checkOf(refused).then().statusCode(500);
        assertThat(ScrapedMetrics.scrape().count(FAILURES, "reason", "database"))
                .as("UploadChecksFailing counts it")
                .isEqualTo(before + 1);
    }

    private static io.restassured.response.Response checkOf(String sha256) {
        return hub().body(upload(
                        "model:" + MatchingFixtures.freshNamespace() + "/m",
                        List.of(List.of("w.bin", sha256)),
                        List.of()))
                .post("/api/v1/uploads/check");
    }
}
