package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Issue 23: whom a decision concerns comes from the hub directory (the devstack's hub stand-in), never from the
 * request; staff see the subject as the hub knows it; and while the hub is down nothing is decided on a guess.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class HubDirectoryTest {

    private static final EventCodec CODEC = new EventCodec();
    /** What the stand-in says of everything under an open namespace. */
    private static final Instant OPEN_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAccountThatIsNotAmongTheSubjectsOwnersIsRefusedAndTheOldFreeTextOwnerIsNoLongerTaken() {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK"));
        String stranger = newOwner(); // a real account on the hub, but not an owner of this model
        body.put("ownerId", stranger);
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("not-an-owner"))
                .body("errors.field", contains("ownerId"));

        Map<String, Object> typed = spamDecision(List.of("UNRANK"));
        typed.put("owner", Map.of("id", stranger, "email", "someone@example.org"));
        moderator("mia")
                .body(typed)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isZero();
        assertThat(state(db, caseId)).isEqualTo("CLAIMED");
    }

    @Test
    void staffSeeTheOrganisationsOwnersAndMayChooseAnAdminWhoIsAskedInTheirLanguageAndAnswers() {
        String org = newUser("org");
        String admin = newUser("admin");
        String adminId = "u-" + admin;
        hub().putAccount(admin, adminId, admin + "@people.example", "fr", "FR");
        hub().putOrganization(org, "o-" + org, null, List.of(admin));
        String caseId = claim(newCase(db, modelOf(org)), "mia");

        String subject = moderator("mia")
                .get("/api/v1/cases/" + caseId + "/subject")
                .then()
                .statusCode(200)
                .body("owners.id", contains("o-" + org, adminId))
                .body("owners.type", contains("ORGANIZATION", "USER"))
                .body("owners.hasEmail", contains(false, true))
                .body("owners[1].language", equalTo("fr"))
                .body("owners[1].country", equalTo("FR"))
                .extract()
                .asString();
        assertThat(subject).as("the address stays on the hub").doesNotContain("@people.example");

        // The organisation is the primary owner, but the hub has no address to ask it at.
        Map<String, Object> ask = spamDecision(List.of("REQUEST_CHANGES"));
        ask.put("changesRequested", "Remove the casino advertisement from the model card.");
        moderator("mia")
                .body(ask)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("ownerId"))
                .body("errors[0].message", containsString("no e-mail address"));

        ask.put("ownerId", adminId);
        moderator("mia")
                .body(ask)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("ownerId", equalTo(adminId))
                .body("ownerCountry", equalTo("FR"));
        NotificationRequested mail = CODEC.data(
                CODEC.decode(outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, caseId)
                        .get(0)),
                NotificationRequested.class);
        assertThat(mail.recipientEmail()).isEqualTo(admin + "@people.example");
        assertThat(mail.locale()).isEqualTo("fr");

        // The admin answers with their own token: the ownership the directory resolved is the one that counts.
        as(newOwner(), "user")
                .body(Map.of("response", "CHANGED", "text", "Removed."))
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(404);
        as(adminId, "user")
                .body(Map.of("response", "CHANGED", "text", "Removed."))
                .post("/api/v1/cases/" + caseId + "/owner-response")
                .then()
                .statusCode(200)
                .body("response", equalTo("CHANGED"));
    }

    @Test
    void theOwnersLanguageAndCountryReachTheDecisionItsEventAndTheMail() {
        String owner = newOwner();
        hub().putAccount(owner, owner, hubEmail(owner), "de", "AU");
        String caseId = claim(newCase(db, modelOf(owner)), "mia");

        String decisionId = moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("ownerId", equalTo(owner))
                .body("ownerCountry", equalTo("AU"))
                .extract()
                .path("id");

        DecisionTaken taken = CODEC.data(
                CODEC.decode(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, decisionId)
                        .get(0)),
                DecisionTaken.class);
        assertThat(taken.ownerId()).isEqualTo(owner);
        assertThat(taken.ownerCountry()).isEqualTo("AU");
        NotificationRequested mail = CODEC.data(
                CODEC.decode(outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, decisionId)
                        .get(0)),
                NotificationRequested.class);
        assertThat(mail.templateId()).isEqualTo("owner-decision");
        assertThat(mail.recipientEmail()).isEqualTo(hubEmail(owner));
        assertThat(mail.locale()).isEqualTo("de");
    }

    @Test
    void theStatementsContentDateIsTheDayTheContentWasPostedAndOlderDecisionsKeepTheOldRule() {
        String owner = newOwner();
        Instant posted = Instant.parse("2024-11-05T08:30:00Z");
        hub().putRepository("model", owner, "posted", posted);
        SubjectRef model = SubjectRef.model(owner, "posted");
        Instant from = now().minusSeconds(1);
        String caseId = claim(newCase(db, model), "mia");

        String decisionId = moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .body("contentDate", equalTo(posted.toString()))
                .extract()
                .path("id");

        assertThat(contentDate(from, decisionId)).as("as stored").isEqualTo("2024-11-05");
        // Rendered again when read (a statement from before they were stored): the same date.
        Sql.update(db, "UPDATE statement_submission SET statement = NULL WHERE decision_id = ?::uuid", decisionId);
        assertThat(contentDate(from, decisionId)).as("rendered when read").isEqualTo("2024-11-05");
        // A decision from before the directory was asked: the day its case opened, as before.
        Sql.update(db, "UPDATE decision SET content_date = NULL WHERE id = ?::uuid", decisionId);
        Object opened = Sql.rows(
                        db,
                        "SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM review_case WHERE id = ?::uuid",
                        caseId)
                .get(0)
                .get(0);
        assertThat(contentDate(from, decisionId)).isEqualTo(opened);
    }

    @Test
    void staffSeeTheSubjectAsTheHubKnowsItAndASubjectTheHubDoesNotKnowIsNamed() {
        String owner = newOwner();
        hub().merge("""
                {"repositories": [{"type": "model", "id": "%s/tuned", "private": false, "gated": true,
                  "createdAt": "2025-06-01T00:00:00Z", "lastModified": "2025-07-01T00:00:00Z",
                  "baseModels": [{"id": "meta/llama", "relation": "finetune"}]}]}
                """.formatted(owner));
        String caseId = newCase(db, SubjectRef.model(owner, "tuned"));
        moderator("mia")
                .get("/api/v1/cases/" + caseId + "/subject")
                .then()
                .statusCode(200)
                .body("subject", equalTo("model:" + owner + "/tuned"))
                .body("visibility", equalTo("GATED"))
                .body("createdAt", equalTo("2025-06-01T00:00:00Z"))
                .body("lastModified", equalTo("2025-07-01T00:00:00Z"))
                .body("owners.id", contains(owner))
                .body("owners[0].hasEmail", equalTo(true))
                .body("owners[0].language", nullValue())
                .body("owners[0]", not(hasKey("email")))
                .body("baseModels.model", contains("model:meta/llama"))
                .body("baseModels.relation", contains("FINETUNE"));

        // A report on something the hub does not have (or no longer has): the case opens, but nobody can be told.
        String gone = claim(newCase(db, SubjectRef.model("unknown-" + newUser("x"), "gone")), "mia");
        moderator("mia")
                .get("/api/v1/cases/" + gone + "/subject")
                .then()
                .statusCode(422)
                .body("type", endsWith("unknown-subject"))
                .body("errors.field", contains("subject"));
        moderator("mia")
                .body(spamDecision(List.of("NO_ACTION")))
                .post("/api/v1/cases/" + gone + "/decisions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("unknown-subject"))
                .body("errors.field", contains("subject"));
        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", gone))
                .isZero();
    }

    @Test
    void whileTheHubIsDownADecisionIsRefusedWith503AndNothingIsRecordedThenTheSameRequestSucceeds() {
        String owner = newOwner();
        String caseId = claim(newCase(db, modelOf(owner)), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK"));
        try {
            hub().stop();
            moderator("mia")
                    .body(body)
                    .post("/api/v1/cases/" + caseId + "/decisions")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", endsWith("hub-unavailable"))
                    .body("retryAfterSeconds", notNullValue());
            assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                    .isZero();
            assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, caseId))
                    .isEmpty();
            assertThat(outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, caseId))
                    .isEmpty();
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM restriction WHERE subject_key = ?",
                            modelOf(owner).key()))
                    .isZero();
            assertThat(state(db, caseId)).isEqualTo("CLAIMED");
            hub().start();
            // The same request, sent again as Retry-After says (the circuit may take a moment to close).
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> moderator("mia")
                            .body(body)
                            .post("/api/v1/cases/" + caseId + "/decisions")
                            .then()
                            .statusCode(201)
                            .body("ownerId", equalTo(owner)));
        } finally {
            if (!hub().running()) {
                hub().start();
            }
        }
        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isEqualTo(1);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, caseId)).hasSize(1);
        assertThat(outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, caseId))
                .hasSize(1);
        assertThat(state(db, caseId)).isEqualTo("CLOSED");
    }

    @Test
    void aTakedownArrivingWhileTheHubIsDownWaitsAndIsDecidedOnceWhenItIsBack() {
        String uploader = newOwner();
        SubjectRef model = modelOf(uploader);
        UUID notice = UUID.randomUUID();
        try {
            hub().stop();
            send(
                    Topics.DMCA_EVENTS,
                    EventSources.DMCA_SERVICE,
                    new TakedownOrdered(notice, List.of(model), uploader, TakedownScope.WHOLE, "lee-legal", now()));
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> decisionsOf(notice) == 0);
            hub().start();
        } finally {
            if (!hub().running()) {
                hub().start();
            }
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> decisionsOf(notice) == 1);
        // Decided on what the hub said once it was back (its request log starts with the restart).
        assertThat(hub().requests()).anyMatch(r -> r.contains("/api/models/" + uploader + "/" + model.name()));
        var row = Sql.rows(
                        db,
                        "SELECT owner_id, content_date = ?::timestamptz FROM decision WHERE notice_id = ?::uuid",
                        OPEN_CREATED.toString(),
                        notice.toString())
                .get(0);
        assertThat(row.get(0)).isEqualTo(uploader);
        assertThat(row.get(1)).as("the content date the hub gave, not a guess").isEqualTo(true);
        assertThat(outbox(db, Topics.REVIEW_EVENTS, DecisionTaken.TYPE, notice.toString()))
                .hasSize(1);
        assertThat(moderator("mia")
                        .get("/api/v1/subjects/" + model.key() + "/restrictions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("action"))
                .containsExactly("DISABLE");
    }

    private long decisionsOf(UUID notice) {
        return Sql.count(db, "SELECT count(*) FROM decision WHERE notice_id = ?::uuid", notice.toString());
    }

    /** The content date of a decision's statement in the auditors' export. */
    private static String contentDate(Instant from, String decisionId) {
        Map<String, JsonNode> byPuid = statementsExported(from);
        JsonNode statement = byPuid.get("modhub-sor-" + decisionId);
        assertThat(statement).as("exported statement of " + decisionId).isNotNull();
        return statement.get("content_date").asText();
    }
}
