package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.anonymous;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitMail;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.events;
import static org.modhub.moderation.dmca.DmcaFixtures.hub;
import static org.modhub.moderation.dmca.DmcaFixtures.mail;
import static org.modhub.moderation.dmca.DmcaFixtures.mailOf;
import static org.modhub.moderation.dmca.DmcaFixtures.notice;
import static org.modhub.moderation.dmca.DmcaFixtures.sendMail;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A takedown's uploaders come from the hub directory (devstack's stand-in) when legal accepts: the
 * primary owners by default, or the owners legal chooses among those the directory lists; nothing
 * about them is typed. A notice naming what the hub does not have is refused (REST) or incomplete
 * (mail); while the hub is down nothing is decided, and it all goes through once it is back.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class UploadersFromTheHubTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Response decide(String noticeId, Map<String, Object> body) {
        return as("legal-1", "legal").body(body).post("/api/v1/dmca/notices/" + noticeId + "/decision");
    }

    @Test
    void anAcceptNamingNoUploaderOrdersOneTakedownPerNamespaceOwnerMailedWhereTheHubSaysInTheirLanguage() {
        String first = uploader();
        String second = uploader();
        hub().putAccount(second, second, mailOf(second), "de", "DE");
        String noticeId =
                sendNotice(claimantEmail(), HUB + first + "/one", HUB + first + "/two", HUB + second + "/three");
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            decide(noticeId, Map.of("decision", "ACCEPT"))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("takedowns.uploaderId", containsInAnyOrder(first, second));
            assertThat(rows(
                            db,
                            "SELECT uploader_id, uploader_name, uploader_email, coalesce(uploader_language, ''),"
                                    + " array_to_string(subject_keys, ',')"
                                    + " FROM dmca_takedown WHERE notice_id = ?::uuid ORDER BY uploader_id = ?",
                            noticeId,
                            second))
                    .containsExactly(
                            List.of(first, first, mailOf(first), "", "model:" + first + "/one,model:" + first + "/two"),
                            List.of(second, second, mailOf(second), "de", "model:" + second + "/three"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    TakedownOrdered.TYPE,
                                    TakedownOrdered.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .extracting(TakedownOrdered::uploaderId)
                            .containsExactlyInAnyOrder(first, second));
            // Each uploader's mailbox as the directory has it; the second in German, the first in the default.
            var toFirst = awaitMail(
                    mails, m -> m.templateId().equals("dmca-takedown-uploader") && first.equals(m.recipientUserId()));
            assertThat(toFirst.recipientEmail()).isEqualTo(mailOf(first));
            assertThat(toFirst.locale()).isEqualTo("en");
            assertThat(toFirst.parameters().get("subject"))
                    .isEqualTo("model:" + first + "/one,model:" + first + "/two");
            var toSecond = awaitMail(
                    mails, m -> m.templateId().equals("dmca-takedown-uploader") && second.equals(m.recipientUserId()));
            assertThat(toSecond.recipientEmail()).isEqualTo(mailOf(second));
            assertThat(toSecond.locale()).isEqualTo("de");
        }
        // The resolved id is the uploader: their token counter-notifies and lists the takedown, the other's does not.
        as(second, "user")
                .get("/api/v1/dmca/takedowns/mine")
                .then()
                .statusCode(200)
                .body("noticeId", contains(noticeId))
                .body("subjects[0]", contains("model:" + second + "/three"));
        as(second, "user")
                .body(counterNotice(HUB + second + "/three"))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(201);
    }

    @Test
    void anAccountThatDoesNotOwnTheSubjectCannotBeChosenAndNothingChanges() {
        String owner = uploader();
        String stranger = uploader();
        String noticeId = sendNotice(claimantEmail(), HUB + owner + "/model");
        decide(noticeId, Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", stranger))))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:not-an-owner"))
                .body("errors[0].field", equalTo("owners[0].id"))
                .body(
                        "errors[0].message",
                        equalTo(stranger + " is not an owner of model:" + owner + "/model on the hub"));
        decide(
                        noticeId,
                        Map.of(
                                "decision",
                                "ACCEPT",
                                "owners",
                                List.of(Map.of("id", owner, "subjects", List.of("model:" + owner + "/model")))))
                .then()
                .statusCode(200)
                .body("takedowns[0].uploaderId", equalTo(owner))
                .body("takedowns[0].uploaderName", equalTo(owner));
    }

    @Test
    void legalSeesAnOrganisationsOwnersAndChoosesAnAdminWhenTheOrganisationHasNoAddress() {
        String organisation = unique("organisation");
        String orgId = unique("o");
        String admin = unique("admin");
        String adminId = unique("u");
        hub().putAccount(admin, adminId, admin + "@hub.localhost", "fr", "FR");
        hub().putOrganization(organisation, orgId, null, List.of(admin));
        String noticeId = sendNotice(claimantEmail(), HUB + organisation + "/weights");

        as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + noticeId + "/owners")
                .then()
                .statusCode(200)
                .body("noticeId", equalTo(noticeId))
                .body("subjects.subject", contains("model:" + organisation + "/weights"))
                .body("subjects[0].known", equalTo(true))
                .body("subjects[0].owners.id", contains(orgId, adminId))
                .body("subjects[0].owners.name", contains(organisation, admin))
                .body("subjects[0].owners.type", contains("ORGANIZATION", "USER"))
                .body("subjects[0].owners.emailOnFile", contains(false, true))
                .body("subjects[0].owners.primary", contains(true, false));
        // The primary owner has nowhere to be told: legal must choose.
        decide(noticeId, Map.of("decision", "ACCEPT"))
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:modhub:problem:uploader-unreachable"))
                .body("errors[0].field", equalTo("subjects[0]"))
                .body("errors[0].message", containsString("no e-mail address on file"));
        assertThat(count(db, "SELECT count(*) FROM dmca_takedown WHERE notice_id = ?::uuid", noticeId))
                .isZero();
        decide(noticeId, Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", adminId))))
                .then()
                .statusCode(200)
                .body("takedowns[0].uploaderId", equalTo(adminId))
                .body("takedowns[0].uploaderName", equalTo(admin));
        assertThat(rows(
                                db,
                                "SELECT uploader_email, uploader_language FROM dmca_takedown WHERE notice_id = ?::uuid",
                                noticeId)
                        .get(0))
                .containsExactly(admin + "@hub.localhost", "fr");
        // Who the owners are is legal's to see.
        as(adminId, "user")
                .get("/api/v1/dmca/notices/" + noticeId + "/owners")
                .then()
                .statusCode(403);
    }

    @Test
    void aNoticeNamingWhatTheHubDoesNotHaveIsRefusedByRestAndIncompleteByMail() {
        String email = claimantEmail();
        String known = uploader();
        String gone = unique("unknown");
        anonymous()
                .body(notice(email, HUB + known + "/model", HUB + gone + "/model"))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:unknown-subject"))
                .body("errors.field", contains("infringingMaterial[1].url"))
                .body("errors[0].message", equalTo("the hub has no model:" + gone + "/model"));
        assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", email))
                .isZero();

        // By mail the claimant cannot be answered with a 422: the notice is kept, element (iii) fails with the reason.
        String from = unique("counsel") + "@lawfirm.example";
        String body = """
                Copyrighted work: the novel "Rivers" (2019), https://publisher.example/rivers
                The model at %s%s/model reproduces it verbatim.
                I have a good faith belief that use of the material in the manner complained of is not authorized by the
                copyright owner, its agent, or the law. The information in this notification is accurate, and under
                penalty of perjury, I am authorized to act on behalf of the owner.
                Company: Riverside Publishing LLC
                Address: 5 Harbour Road, Boston, MA 02110
                /s/ Ann Counsel
                """.formatted(HUB, gone);
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            sendMail("dmca", mail("Ann Counsel <" + from + ">", "DMCA takedown notice", body, null));
            var ask = awaitMail(mails, m -> m.recipientEmail().equals(from));
            assertThat(ask.templateId()).isEqualTo("dmca-notice-incomplete");
            assertThat(ask.parameters().get("missingElements")).isEqualTo("material-identified");
            // The mail says which material the hub does not have, not only which element failed.
            assertThat(ask.parameters().get("unknownSubjects")).isEqualTo("model:" + gone + "/model");
            String noticeId = ask.threadKey().substring("dmca_notice:".length());
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    NoticeReceived.TYPE,
                                    NoticeReceived.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.missingElements()).containsExactly(DmcaNoticeElement.MATERIAL_IDENTIFIED);
                                assertThat(e.subjects()).isEmpty();
                            }));
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("INCOMPLETE"))
                    .body("deficiencies[0].field", equalTo("infringingMaterial[0].url"))
                    .body("deficiencies[0].message", startsWith("the hub has no model:" + gone));
        }
    }

    @Test
    void whileTheHubIsDownAnAcceptIs503AndChangesNothingAndOnceItIsBackTheSameAcceptGoesThrough() {
        String uploader = uploader();
        String noticeId = sendNotice(claimantEmail(), HUB + uploader + "/model");
        // Past the directory's cache (kept on the kit's clock), so the accept has to ask the hub itself.
        clock.advance(Duration.ofMinutes(6));
        try (var events = KafkaProbe.from(Topics.DMCA_EVENTS)) {
            hub().stop();
            try {
                decide(noticeId, Map.of("decision", "ACCEPT"))
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:modhub:problem:hub-unavailable"))
                        .body("retryAfterSeconds", greaterThan(0));
                as("legal-1", "legal")
                        .get("/api/v1/dmca/notices/" + noticeId + "/owners")
                        .then()
                        .statusCode(503)
                        .header("Retry-After", notNullValue());
                as("legal-1", "legal")
                        .get("/api/v1/dmca/notices/" + noticeId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PENDING_REVIEW"))
                        .body("takedowns", empty());
                assertThat(count(db, "SELECT count(*) FROM dmca_takedown WHERE notice_id = ?::uuid", noticeId))
                        .isZero();
            } finally {
                hub().start();
            }
            // The same accept, retried as its Retry-After says (the circuit breaker may hold a few seconds more).
            await().atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> decide(noticeId, Map.of("decision", "ACCEPT")).statusCode() != 503);
            as("legal-1", "legal")
                    .get("/api/v1/dmca/notices/" + noticeId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("takedowns.uploaderId", contains(uploader));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events(
                                    events,
                                    TakedownOrdered.TYPE,
                                    TakedownOrdered.class,
                                    e -> e.noticeId().toString().equals(noticeId)))
                            .singleElement()
                            .satisfies(e -> assertThat(e.uploaderId()).isEqualTo(uploader)));
        }
    }

    @Test
    void aNoticeMailedWhileTheHubIsDownWaitsAndIsFiledOnceItIsBack() {
        String from = unique("counsel") + "@lawfirm.example";
        String repo = uploader() + "/model";
        String body = """
                Copyrighted work: the novel "Rivers" (2019), https://publisher.example/rivers
                The model at %s%s reproduces it verbatim.
                I have a good faith belief that use of the material in the manner complained of is not authorized by the
                copyright owner, its agent, or the law. The information in this notification is accurate, and under
                penalty of perjury, I am authorized to act on behalf of the owner.
                Company: Riverside Publishing LLC
                Address: 5 Harbour Road, Boston, MA 02110
                /s/ Ann Counsel
                """.formatted(HUB, repo);
        hub().stop();
        try {
            sendMail("dmca", mail("Ann Counsel <" + from + ">", "DMCA takedown notice", body, null));
            // The consumer waits on the hub: nothing filed, nothing dead-lettered or dropped.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", from) == 0);
        } finally {
            hub().start();
        }
        await().atMost(Duration.ofSeconds(90))
                .until(() -> count(db, "SELECT count(*) FROM dmca_notice WHERE sender_email = ?", from) == 1);
        assertThat(rows(
                                db,
                                "SELECT status, array_to_string(subject_keys, ',') FROM dmca_notice WHERE sender_email = ?",
                                from)
                        .get(0))
                .containsExactly("PENDING_REVIEW", "model:" + repo);
    }
}
