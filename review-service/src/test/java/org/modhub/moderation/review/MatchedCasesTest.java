package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.matching.DerivationRelation;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.matching.MatchKind;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 25, "removed stays removed", on review's side: matching.events open (or join) cases linked to the decision
 * that removed the content, above ordinary cases of their severity; deciding one says automated detection.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class MatchedCasesTest {

    private static final String WEIGHTS = "a".repeat(63) + "1";
    private static final String SHARD = "b".repeat(63) + "2";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Removes {@code model} through the queue (a spam case, REMOVE approved by a senior moderator); its decision id. */
    private String removed(SubjectRef model) {
        String caseId = claim(newCase(db, model), "mia");
        String decisionId = moderator("mia")
                .body(spamDecision(List.of("REMOVE")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        senior("sue")
                .post("/api/v1/decisions/" + decisionId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENFORCED"));
        return decisionId;
    }

    private static UploadMatched reupload(SubjectRef upload, SubjectRef removed, String decisionId) {
        return new UploadMatched(
                UUID.randomUUID(),
                upload,
                MatchKind.CONTENT_HASH,
                List.of(new MatchedFile("model.safetensors", WEIGHTS), new MatchedFile("shard-2.bin", SHARD)),
                removed,
                UUID.fromString(decisionId),
                null,
                "Platform Abuse, Security Violations and Spam",
                UploadVerdict.REFUSE,
                now());
    }

    /** The open case of a subject, once it has one. */
    private String awaitOpenCase(SubjectRef subject) {
        String[] id = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            var rows = Sql.rows(
                    db, "SELECT id FROM review_case WHERE subject_key = ? AND state <> 'CLOSED'", subject.key());
            assertThat(rows).hasSize(1);
            id[0] = rows.get(0).get(0).toString();
        });
        return id[0];
    }

    private static JsonPath detail(String caseId) {
        return moderator("mia")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The open spam cases (LOW) of subjects under {@code namespace}, in queue order, walked page by page. */
    private static List<String> queueOrder(String namespace) {
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = moderator("mia")
                    .queryParam("priority", "LOW")
                    .queryParam("category", "platform_abuse")
                    .queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/cases");
            page.then().statusCode(200);
            page.jsonPath().<String>getList("items.subject").stream()
                    .filter(s -> s.contains(namespace + "/"))
                    .forEach(order::add);
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        return order;
    }

    @Test
    void
            aReuploadOfRemovedContentOpensALinkedCaseAboveOrdinaryCasesOfItsSeverityAndItsDecisionSaysAutomatedDetection() {
        SubjectRef original = newModel();
        String decisionId = removed(original);

        String namespace = newOwner();
        SubjectRef busy = SubjectRef.model(
                namespace, "busy-" + UUID.randomUUID().toString().substring(0, 8));
        SubjectRef copy = SubjectRef.model(
                namespace, "copy-" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < 3; i++) {
            sendReport(spam(busy));
        }
        awaitCase(db, busy, 3);
        UploadMatched match = reupload(copy, original, decisionId);
        send(Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, match);
        String caseId = awaitOpenCase(copy);

        JsonPath c = detail(caseId);
        assertThat(c.getString("summary.origin")).isEqualTo("OWN_INITIATIVE");
        assertThat(c.getString("summary.category")).isEqualTo("platform_abuse");
        assertThat(c.getString("summary.subcategory")).isEqualTo("spam");
        assertThat(c.getString("summary.severity")).isEqualTo("LOW");
        assertThat(c.getInt("summary.reportCount")).isZero();
        assertThat(c.getString("summary.detection")).isEqualTo("REUPLOAD");
        assertThat(c.getString("summary.linkedDecisionId")).isEqualTo(decisionId);
        assertThat(c.getString("summary.linkedSubject")).isEqualTo(original.key());
        assertThat(c.getList("summary.chain")).isEmpty();
        assertThat(c.<Map<String, String>>getList("summary.matchedFiles"))
                .containsExactly(
                        Map.of("path", "model.safetensors", "sha256", WEIGHTS),
                        Map.of("path", "shard-2.bin", "sha256", SHARD));
        assertThat(c.<Map<String, Object>>getList("links")).singleElement().satisfies(link -> {
            assertThat(link.get("verdict")).isEqualTo("REFUSE");
            assertThat(link.get("reason")).isEqualTo("Platform Abuse, Security Violations and Spam");
        });
        assertThat(c.<String>getList("history.action")).contains("case.opened", "case.linked");
        assertThat(c.<String>getList("history.detail"))
                .anySatisfy(d -> assertThat(d)
                        .contains("re-upload of " + original.key(), "removed by decision " + decisionId)
                        .contains("model.safetensors"));
        assertThat(outbox(db, Topics.REVIEW_EVENTS, CaseOpened.TYPE, caseId))
                .singleElement()
                .asString()
                .contains("\"origin\":\"OWN_INITIATIVE\"");

        // Of two LOW spam cases, the linked one with no report comes before the one with three.
        assertThat(queueOrder(namespace)).containsExactly(copy.key(), busy.key());

        // The same match again, under a new event id: nothing new.
        sendAndAwait(db, Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, match);
        assertThat(detail(caseId).<Object>getList("links")).hasSize(1);
        assertThat(Sql.count(db, "SELECT count(*) FROM review_case WHERE subject_key = ?", copy.key()))
                .isEqualTo(1);

        // Decided like any case; its statement says the hub acted on its own, detected by automated means.
        claim(caseId, "mia");
        String linkedDecision = moderator("mia")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        moderator("mia")
                .get("/api/v1/decisions/" + linkedDecision)
                .then()
                .statusCode(200)
                .body("status", equalTo("ENFORCED"))
                .body("origin", equalTo("OWN_INITIATIVE"))
                .body("statementOfReasons.sourceType", equalTo("SOURCE_VOLUNTARY"))
                .body("statementOfReasons.automatedDetection", equalTo(true));
        assertThat(moderator("mia")
                        .get("/api/v1/subjects/" + copy.key() + "/restrictions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .<String>getList("decisionId"))
                .containsExactly(linkedDecision);
        // The Transparency Database gets the same answer (Art. 17(3)(c)).
        com.fasterxml.jackson.databind.JsonNode statement =
                statementsExported(now().minusSeconds(120)).get("modhub-sor-" + linkedDecision);
        assertThat(statement).as("the exported statement").isNotNull();
        assertThat(statement.get("source_type").asText()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(statement.get("automated_detection").asText()).isEqualTo("Yes");
    }

    @Test
    void whenTheRemovalIsReversedTheLinkedCaseStaysOpenSaysSoAndRanksAsAnOrdinaryCase() {
        SubjectRef original = newModel();
        String decisionId = removed(original);
        String namespace = newOwner();
        SubjectRef busy = SubjectRef.model(
                namespace, "busy-" + UUID.randomUUID().toString().substring(0, 8));
        SubjectRef copy = SubjectRef.model(
                namespace, "copy-" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < 3; i++) {
            sendReport(spam(busy));
        }
        awaitCase(db, busy, 3);
        send(Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, reupload(copy, original, decisionId));
        String caseId = awaitOpenCase(copy);
        assertThat(queueOrder(namespace)).containsExactly(copy.key(), busy.key());

        // The owner's appeal reverses the removal.
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealResolved(
                        UUID.randomUUID(),
                        UUID.fromString(decisionId),
                        original,
                        AppellantRole.OWNER,
                        AppealOutcome.REVERSED,
                        List.of(),
                        "The weights are the owner's own.",
                        "rita-reviewer",
                        now()));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(detail(caseId).getString("summary.linkedDecisionReversedBy"))
                        .isNotNull());
        JsonPath c = detail(caseId);
        String reversal = c.getString("summary.linkedDecisionReversedBy");
        assertThat(reversal).isNotEqualTo(decisionId);
        assertThat(c.getString("summary.state")).isEqualTo("OPEN");
        assertThat(c.getString("summary.linkedDecisionId")).isEqualTo(decisionId);
        assertThat(c.<String>getList("history.action")).contains("case.link-reversed");
        assertThat(c.<String>getList("history.detail"))
                .anySatisfy(d -> assertThat(d).contains(decisionId).contains("reversed by decision " + reversal));
        // No longer ahead of an ordinary case with more reports.
        assertThat(queueOrder(namespace)).containsExactly(busy.key(), copy.key());
    }

    @Test
    void aDerivativeJoinsTheOpenCaseOfItsSubjectWithItsChainAndMovesItUp() {
        SubjectRef root = newModel();
        String decisionId = removed(root);
        String namespace = newOwner();
        SubjectRef b = SubjectRef.model(namespace, "b");
        SubjectRef c = SubjectRef.model(namespace, "c");
        SubjectRef d = SubjectRef.model(namespace, "d");
        String caseId = newCase(db, d);
        int before = detail(caseId).getInt("summary.priority");

        DerivativeFound found = new DerivativeFound(
                d, root, UUID.fromString(decisionId), DerivationRelation.QUANTIZED, List.of(b, c, d), now());
        sendAndAwait(db, Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, found);

        JsonPath joined = detail(caseId);
        assertThat(awaitOpenCase(d)).isEqualTo(caseId);
        assertThat(joined.getString("summary.origin")).isEqualTo("REPORT");
        assertThat(joined.getInt("summary.reportCount")).isEqualTo(1);
        assertThat(joined.getString("summary.detection")).isEqualTo("DERIVATIVE");
        assertThat(joined.getString("summary.linkedDecisionId")).isEqualTo(decisionId);
        assertThat(joined.getString("summary.linkedSubject")).isEqualTo(root.key());
        assertThat(joined.<String>getList("summary.chain")).containsExactly(b.key(), c.key(), d.key());
        assertThat(joined.getList("summary.matchedFiles")).isEmpty();
        assertThat(joined.getInt("summary.priority")).isGreaterThan(before);
        assertThat(joined.<Map<String, Object>>getList("links"))
                .singleElement()
                .satisfies(link -> assertThat(link.get("relation")).isEqualTo("QUANTIZED"));
        assertThat(joined.<String>getList("history.detail"))
                .anySatisfy(text -> assertThat(text)
                        .contains(
                                "derivative of " + root.key() + " via " + b.key() + " > " + c.key() + " > " + d.key()));

        // Found again (a second walk of the tree): nothing new.
        sendAndAwait(db, Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, found);
        assertThat(detail(caseId).<Object>getList("links")).hasSize(1);
        assertThat(detail(caseId).<String>getList("history.action").stream().filter("case.linked"::equals))
                .hasSize(1);
    }

    @Test
    void aMatchOnAnImportedListTakesTheConfiguredCategoryAndABaseModelMatchSaysSo() {
        SubjectRef listed = newModel();
        sendAndAwait(
                db,
                Topics.MATCHING_EVENTS,
                EventSources.MATCHING_SERVICE,
                new UploadMatched(
                        UUID.randomUUID(),
                        listed,
                        MatchKind.CONTENT_HASH,
                        List.of(new MatchedFile("weights.gguf", WEIGHTS)),
                        null,
                        null,
                        "other-hub",
                        "Leaked weights",
                        UploadVerdict.HOLD_FOR_REVIEW,
                        now()));
        JsonPath c = detail(awaitOpenCase(listed));
        assertThat(c.getString("summary.category")).isEqualTo("unlawful");
        assertThat(c.getString("summary.subcategory")).isEqualTo("unlawful_content");
        assertThat(c.getString("summary.detection")).isEqualTo("REUPLOAD");
        assertThat(c.getString("summary.linkedDecisionId")).isNull();
        assertThat(c.<Map<String, Object>>getList("links")).singleElement().satisfies(link -> {
            assertThat(link.get("listSource")).isEqualTo("other-hub");
            assertThat(link.get("verdict")).isEqualTo("HOLD_FOR_REVIEW");
        });

        SubjectRef base = newModel();
        String decisionId = removed(base);
        SubjectRef declaring = newModel();
        sendAndAwait(
                db,
                Topics.MATCHING_EVENTS,
                EventSources.MATCHING_SERVICE,
                new UploadMatched(
                        UUID.randomUUID(),
                        declaring,
                        MatchKind.BASE_MODEL,
                        List.of(),
                        base,
                        UUID.fromString(decisionId),
                        null,
                        "Platform Abuse, Security Violations and Spam",
                        UploadVerdict.HOLD_FOR_REVIEW,
                        now()));
        JsonPath b = detail(awaitOpenCase(declaring));
        assertThat(b.getString("summary.detection")).isEqualTo("BASE_MODEL");
        assertThat(b.getString("summary.linkedSubject")).isEqualTo(base.key());
        assertThat(b.getString("summary.category")).isEqualTo("platform_abuse");
    }
}
