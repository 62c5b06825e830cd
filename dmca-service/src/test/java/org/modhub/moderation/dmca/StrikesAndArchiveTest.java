package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.acceptForTheHubsOwners;
import static org.modhub.moderation.dmca.DmcaFixtures.anonymous;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.hub;
import static org.modhub.moderation.dmca.DmcaFixtures.notice;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Repeat-infringer strikes and the termination recommendation; the redacted public archive and its export. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class StrikesAndArchiveTest {

    @Inject
    MutableClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void takedownsThatStoodAreStrikesAndTheThresholdRecommendsTermination() {
        String uploader = unique("uploader");
        String name = unique("infringer");
        // The hub account: strikes count by its id, the termination case is about account:<name>.
        hub().putAccount(name, uploader, uploader + "@hub.localhost", null, null);
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS)) {
            // 1: not countered within the grace period.
            String first = sendNotice(claimantEmail(), HUB + name + "/one");
            accept(first, uploader);
            clock.advance(Duration.ofDays(31));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    StrikeRecorded.TYPE,
                                    StrikeRecorded.class,
                                    e -> e.accountId().equals(uploader)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.strikeCount()).isEqualTo(1);
                                assertThat(e.repeatInfringer()).isFalse();
                                assertThat(e.account().key()).isEqualTo("account:" + name);
                                assertThat(e.noticeId().toString()).isEqualTo(first);
                                assertThat(e.strikeNoticeIds())
                                        .extracting(Object::toString)
                                        .containsExactly(first);
                            }));

            // 2: countered, but the claimant went to court: the takedown stood. The test threshold is 2.
            String second = sendNotice(claimantEmail(), HUB + name + "/two");
            accept(second, uploader);
            String counterId = as(uploader, "user")
                    .body(counterNotice(HUB + name + "/two"))
                    .post("/api/v1/dmca/notices/" + second + "/counter-notices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as("legal-1", "legal")
                    .body(Map.of(
                            "court",
                            "S.D.N.Y.",
                            "caseNumber",
                            "1:26-cv-777",
                            "filedOn",
                            "2026-11-01",
                            "documentUrl",
                            "https://acme-pictures.example/complaint.pdf"))
                    .post("/api/v1/dmca/counter-notices/" + counterId + "/court-action")
                    .then()
                    .statusCode(200);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    StrikeRecorded.TYPE,
                                    StrikeRecorded.class,
                                    e -> e.accountId().equals(uploader)
                                            && e.noticeId().toString().equals(second)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.strikeCount()).isEqualTo(2);
                                assertThat(e.repeatInfringer()).isTrue();
                                // What review-service's termination case links to: every strike in force, oldest first.
                                assertThat(e.strikeNoticeIds())
                                        .extracting(Object::toString)
                                        .containsExactly(first, second);
                            }));
        }
        as("legal-1", "legal")
                .get("/api/v1/dmca/strikes/" + uploader)
                .then()
                .statusCode(200)
                .body("strikes", equalTo(2))
                .body("threshold", equalTo(2))
                .body("repeatInfringer", equalTo(true))
                .body("items.reason", org.hamcrest.Matchers.contains("NOT_COUNTERED", "COURT_ACTION"));
    }

    @Test
    void thePublicArchiveListsAcceptedNoticesRedactedAndExportsThem() {
        String companyUploader = uploader();
        String company = sendNotice(claimantEmail(), HUB + companyUploader + "/model");
        accept(company, companyUploader);
        String individualEmail = unique("jane") + "@mail.example";
        String individualUploader = uploader();
        Map<String, Object> body = notice(individualEmail, HUB + individualUploader + "/model");
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) body.get("contact");
        contact.remove("organisation");
        contact.put("name", "Janet Quill");
        body.put(
                "copyrightedWorks",
                List.of(Map.of("description", "My photo series 'Dunes' — write to janet.quill@mail.example")));
        String individual = anonymous()
                .body(body)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        accept(individual, individualUploader);
        String pending = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");

        String page = RestAssured.given()
                .get("/api/v1/public/dmca/notices?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath json = JsonPath.from(page);
        assertThat(json.getList("items.id", String.class))
                .contains(company, individual)
                .doesNotContain(pending);
        assertThat(json.getString("items.find { it.id == '" + company + "' }.claimant"))
                .isEqualTo("Acme Pictures Inc.");
        assertThat(json.getString("items.find { it.id == '" + individual + "' }.claimant"))
                .isEqualTo("[private individual]");
        assertThat(json.getString("items.find { it.id == '" + individual + "' }.copyrightedWorks[0]"))
                .isEqualTo("My photo series 'Dunes' — write to [redacted]");
        // No personal data of the claimants anywhere: names of individuals, addresses, phones, signatures, emails.
        assertThat(page)
                .doesNotContain(
                        "Janet Quill",
                        "janet.quill",
                        individualEmail,
                        "Jane Roe",
                        "Studio Way",
                        "555 01"); // the phone numbers, not any digits of a timestamp
        assertThat(page).doesNotContain("@");

        String export = RestAssured.given()
                .get("/api/v1/public/dmca/notices/export")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        JsonPath archive = JsonPath.from(export);
        assertThat(archive.getString("recipient_name")).isEqualTo("Model Hub");
        String path = "notices.find { it.id == '" + company + "' }";
        assertThat(archive.getString(path + ".type")).isEqualTo("DMCA");
        assertThat(archive.getString(path + ".sender_name")).isEqualTo("Acme Pictures Inc.");
        assertThat(archive.getString(path + ".action_taken")).isEqualTo("Yes");
        assertThat(archive.getString(path + ".works[0].infringing_urls[0].url")).startsWith(HUB);
        assertThat(archive.getString(path + ".works[0].copyrighted_urls[0].url"))
                .isEqualTo("https://acme-pictures.example/archive");
        assertThat(archive.getString(path + ".date_received")).isNotNull();
        assertThat(archive.getString("notices.find { it.id == '" + individual + "' }.sender_name"))
                .isEqualTo("[private individual]");
        assertThat(export).doesNotContain("Janet Quill", individualEmail, "Jane Roe", "Studio Way");
        RestAssured.given()
                .get("/api/v1/public/dmca/notices?limit=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.limit"));
        RestAssured.given()
                .get("/api/v1/public/dmca/notices?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
    }

    @Test
    void thePublicArchiveIsWalkedPageByPageWithItsCursor() {
        List<String> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");
            acceptForTheHubsOwners(id);
            accepted.add(0, id);
        }
        // Newest decision first, one per page: the three just accepted are the first three pages, each page once.
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = RestAssured.given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/public/dmca/notices")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(json.getList("items")).hasSize(1);
            walked.add(json.getString("items[0].id"));
            cursor = json.getString("nextCursor");
            assertThat(cursor).isNotBlank();
        }
        assertThat(walked).containsExactlyElementsOf(accepted);

        JsonPath export = RestAssured.given()
                .get("/api/v1/public/dmca/notices/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getList("notices.id", String.class).subList(0, 3)).containsExactlyElementsOf(accepted);
    }
}
