package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.model;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Legal's queue of notices: oldest first, walked page by page with its cursor. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class NoticeQueueTest {

    private static final int PAGE = 2;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void legalWalksTheQueuePageByPageOldestFirstSeeingEachNoticeOnce() {
        List<String> sent = List.of(
                sendNotice(claimantEmail(), HUB + model("acme")),
                sendNotice(claimantEmail(), HUB + model("acme")),
                sendNotice(claimantEmail(), HUB + model("acme")));

        // Other tests' notices wait in the same queue: walk all of it, PAGE at a time, to the page without a next one.
        List<String> walked = new ArrayList<>();
        List<Instant> received = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            var request = as("legal-1", "legal")
                    .queryParam("status", "PENDING_REVIEW")
                    .queryParam("limit", PAGE);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/dmca/notices")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            cursor = page.getString("nextCursor");
            assertThat(ids).as("page %d", pages).hasSizeBetween(cursor == null ? 1 : PAGE, PAGE);
            assertThat(page.getList("items.status", String.class)).containsOnly("PENDING_REVIEW");
            walked.addAll(ids);
            page.getList("items.receivedAt", String.class).forEach(at -> received.add(Instant.parse(at)));
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(walked).doesNotHaveDuplicates().containsSubsequence(sent);
        assertThat(received).isSorted();
    }

    @Test
    void aCursorTheServiceDidNotIssueOrAnUnknownStatusIsA400NamingIt() {
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices?status=WAITING")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.status"));
        as("legal-1", "legal")
                .get("/api/v1/dmca/evidence?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }
}
