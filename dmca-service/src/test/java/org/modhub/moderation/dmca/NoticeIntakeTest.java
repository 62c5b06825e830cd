package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.anonymous;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitMail;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.fromAddress;
import static org.modhub.moderation.dmca.DmcaFixtures.model;
import static org.modhub.moderation.dmca.DmcaFixtures.notice;
import static org.modhub.moderation.dmca.DmcaFixtures.randomAddress;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The public notice endpoint: element checks, incomplete notices kept and revised, rate limits, bad input. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class NoticeIntakeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCompleteNoticeWithoutAnAccountWaitsForReviewAndIsAnnouncedAndReceipted() {
        String email = claimantEmail();
        String repo = model("acme");
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            String id = anonymous()
                    .body(notice(email, HUB + repo, HUB + repo + "/blob/main/weights.bin"))
                    .post("/api/v1/dmca/notices")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/api/v1/dmca/notices/"))
                    .body("status", equalTo("PENDING_REVIEW"))
                    .body("missingElements", empty())
                    .body("subjects", contains("model:" + repo, "file:model:" + repo + "@main:weights.bin"))
                    .extract()
                    .path("id");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    NoticeReceived.TYPE,
                                    NoticeReceived.class,
                                    e -> e.noticeId().toString().equals(id)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.complete()).isTrue();
                                assertThat(e.channel()).isEqualTo(NoticeChannel.WEB_FORM);
                                assertThat(e.subjects()).hasSize(2);
                            }));
            var receipt = awaitMail(mails, m -> m.recipientEmail().equals(email));
            assertThat(receipt.templateId()).isEqualTo("dmca-notice-received");
            assertThat(receipt.replyMailbox()).isEqualTo("dmca");
            assertThat(receipt.threadKey()).isEqualTo("dmca_notice:" + id);
        }
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(notNullValue()));
    }

    @Test
    void eachMissingElementIsNamedAndTheIncompleteNoticeIsKeptAndTheSenderAskedToRevise() {
        String email = claimantEmail();
        Map<String, Object> body = notice(email, HUB + model("acme"));
        body.remove("signature");
        body.put("goodFaithStatement", false);
        body.put("infringingMaterial", List.of(Map.of("url", "https://elsewhere.example/copy")));
        try (var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            String id = anonymous()
                    .body(body)
                    .post("/api/v1/dmca/notices")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("INCOMPLETE"))
                    .body("missingElements", contains("SIGNATURE", "MATERIAL_IDENTIFIED", "GOOD_FAITH_STATEMENT"))
                    .body(
                            "deficiencies.field",
                            contains("signature", "infringingMaterial[0].url", "goodFaithStatement"))
                    .body("deficiencies[1].message", containsString("not a URL on this hub"))
                    .extract()
                    .path("id");
            var ask = awaitMail(mails, m -> m.recipientEmail().equals(email));
            assertThat(ask.templateId()).isEqualTo("dmca-notice-incomplete");
            assertThat(ask.parameters().get("missingElements"))
                    .isEqualTo("signature,material-identified,good-faith-statement");
            assertThat(ask.threadKey()).isEqualTo("dmca_notice:" + id);
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("INCOMPLETE"))
                    .body("contact.email", equalTo(email));
        }
    }

    @Test
    void aRevisionRefersToTheOriginalWhichIsSupersededAndOnlyItsSenderMayReviseIt() {
        String email = claimantEmail();
        String repo = model("acme");
        Map<String, Object> first = notice(email, HUB + repo);
        first.put("accuracyStatement", false);
        String original = anonymous()
                .body(first)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(201)
                .body("missingElements", contains("ACCURACY_AND_AUTHORITY_STATEMENT"))
                .extract()
                .path("id");

        // Someone else cannot revise it: the notice is not revealed.
        Map<String, Object> stranger = notice(claimantEmail(), HUB + repo);
        stranger.put("revisionOf", original);
        anonymous()
                .body(stranger)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("revisionOf"));

        Map<String, Object> revision = notice(email.toUpperCase(), HUB + repo);
        revision.put("revisionOf", original);
        String revised = anonymous()
                .body(revision)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("revisionOf", equalTo(original))
                .extract()
                .path("id");
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + original)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUPERSEDED"))
                .body("revisedBy", equalTo(revised));
        // A superseded notice is not revised twice.
        anonymous().body(revision).post("/api/v1/dmca/notices").then().statusCode(409);
    }

    @Test
    void aClientAddressIsRateLimited() {
        String address = randomAddress();
        for (int i = 0; i < 6; i++) {
            fromAddress(address)
                    .body(notice(claimantEmail(), HUB + model("acme")))
                    .post("/api/v1/dmca/notices")
                    .then()
                    .statusCode(201);
        }
        fromAddress(address)
                .body(notice(claimantEmail(), HUB + model("acme")))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:modhub:problem:rate-limited"))
                .body("detail", containsString("address"));
        // Another address is not affected.
        anonymous()
                .body(notice(claimantEmail(), HUB + model("acme")))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(201);
    }

    @Test
    void aSenderEmailIsRateLimitedFromAnyAddress() {
        String email = claimantEmail();
        for (int i = 0; i < 3; i++) {
            anonymous()
                    .body(notice(email, HUB + model("acme")))
                    .post("/api/v1/dmca/notices")
                    .then()
                    .statusCode(201);
        }
        anonymous()
                .body(notice(email.toUpperCase(), HUB + model("acme")))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(429)
                .body("detail", containsString("sender email"))
                .body("retryAfterSeconds", notNullValue());
    }

    @Test
    void malformedInputIsA400NamingTheField() {
        Map<String, Object> tooLong = notice(claimantEmail(), HUB + model("acme"));
        tooLong.put("signature", "x".repeat(5001));
        anonymous()
                .body(tooLong)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("signature"));

        Map<String, Object> unknown = notice(claimantEmail(), HUB + model("acme"));
        unknown.put("password", "x");
        anonymous()
                .body(unknown)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:modhub:problem:unknown-field"));

        Map<String, Object> wrongType = notice(claimantEmail(), HUB + model("acme"));
        wrongType.put("revisionOf", "not-a-uuid");
        anonymous()
                .body(wrongType)
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(400)
                .body("detail", containsString("revisionOf"));

        anonymous()
                .body(Map.of("infringingMaterial", java.util.Collections.nCopies(51, Map.of("url", HUB + "acme/x"))))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("infringingMaterial"));
    }

    @Test
    void anUnknownNoticeIs404ForLegal() {
        as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("legal-1", "legal").get("/api/v1/dmca/notices/nope").then().statusCode(404);
        assertThat(DmcaNoticeElement.values()).hasSize(6);
    }
}
