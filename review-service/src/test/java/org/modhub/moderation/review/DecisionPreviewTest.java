package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The preview of a decision: staff see, before submitting, exactly the statement the Transparency Database will get
 * and the mail the owner will get; a bad body is refused as deciding refuses it; nothing is written.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class DecisionPreviewTest {

    private static final ObjectMapper JSON = EventCodec.newObjectMapper();
    private static final EventCodec CODEC = new EventCodec();
    private static final TypeReference<Map<String, String>> MODEL = new TypeReference<>() {};

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void thePreviewedStatementAndMailAreWhatTheSameDecisionSubmitsAndThePreviewWritesNothing() throws Exception {
        String owner = newOwner();
        SubjectRef model = modelOf(owner);
        String caseId = claim(newCase(db, model), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK", "TAG_NOT_FOR_ALL_AUDIENCES"));
        // The owner named in the facts: the public statement must not carry the name, in the preview either.
        body.put("facts", "The model card of " + owner + " advertises an online casino in every section.");

        Response preview = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions/preview")
                .then()
                .statusCode(200)
                .body("needsApproval", equalTo(false))
                .body("ownerMail.templateId", equalTo("owner-decision"))
                .extract()
                .response();
        JsonNode previewed = JSON.readTree(preview.asString());
        JsonNode statement = previewed.get("statement");
        assertThat(statement.get("decision_facts").asText())
                .contains("[name removed]")
                .doesNotContain(owner);
        // Nothing was written: no decision, no submission, no mail asked for, the case still held.
        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isZero();
        assertThat(outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, caseId))
                .isEmpty();
        assertThat(state(db, caseId)).isEqualTo("CLAIMED");

        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // What the submitter sends is the statement stored when the decision took effect.
        String stored = (String)
                Sql.rows(db, "SELECT statement FROM statement_submission WHERE decision_id = ?::uuid", decisionId)
                        .get(0)
                        .get(0);
        JsonNode submitted = JSON.readTree(stored);
        assertThat(submitted.get("puid").asText()).isEqualTo("modhub-sor-" + decisionId);
        // The puid is the decision's id, which exists only once it is decided; everything else is the same.
        assertThat(withoutPuid(statement)).isEqualTo(withoutPuid(submitted));

        List<String> mails = outbox(db, Topics.NOTIFICATION_REQUESTS, NotificationRequested.TYPE, decisionId);
        assertThat(mails).hasSize(1);
        NotificationRequested sent = CODEC.data(CODEC.decode(mails.get(0)), NotificationRequested.class);
        JsonNode mail = previewed.get("ownerMail");
        assertThat(mail.get("templateId").asText()).isEqualTo(sent.templateId());
        assertThat(mail.get("locale").asText()).isEqualTo(sent.locale());
        assertThat(mail.get("recipientUserId").asText()).isEqualTo(owner);
        Map<String, String> previewedModel = new HashMap<>(JSON.convertValue(mail.get("parameters"), MODEL));
        Map<String, String> sentModel = new HashMap<>(sent.parameters());
        // The same model, except the id and the times only the real decision has.
        for (String name : List.of("decisionId", "decidedAt", "appealDeadline")) {
            assertThat(previewedModel).containsKey(name);
            previewedModel.remove(name);
            sentModel.remove(name);
        }
        assertThat(previewedModel).isEqualTo(sentModel);
    }

    @Test
    void aDecisionThatRestrictsNothingPreviewsNoStatementButTheOwnersMail() {
        String caseId = claim(newCase(db, newModel()), "mia");
        moderator("mia")
                .body(spamDecision(List.of("NO_ACTION")))
                .post("/api/v1/cases/" + caseId + "/decisions/preview")
                .then()
                .statusCode(200)
                .body("statement", equalTo(null))
                .body(
                        "statementNote",
                        equalTo("No statement goes to the Transparency Database: no action restricts the subject."))
                .body("ownerMail.parameters.actions", equalTo("NO_ACTION"));
    }

    @Test
    void aBadBodyIsRefusedByThePreviewWithTheSameProblemAsByDeciding() throws Exception {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> bad = spamDecision(List.of("SUSPEND_ACCOUNT", "NOT_AN_ACTION"));
        bad.remove("facts");
        bad.put("legalProvision", "dsa");
        // Fields wrong in themselves: 400, every field named at once.
        JsonNode problem = sameRefusal(caseId, bad, 400);
        assertThat(problem.toString()).contains("facts", "actions[1]", "legalProvision");

        // A well-formed body the hub's facts do not allow: 422 naming the field.
        Map<String, Object> stranger = spamDecision(List.of("UNRANK"));
        stranger.put("ownerId", newOwner());
        assertThat(sameRefusal(caseId, stranger, 422).toString()).contains("ownerId");

        assertThat(Sql.count(db, "SELECT count(*) FROM decision WHERE case_id = ?::uuid", caseId))
                .isZero();
    }

    /** The preview's refusal of {@code body}, after checking deciding refuses it with the very same problem. */
    private static JsonNode sameRefusal(String caseId, Map<String, Object> body, int status) throws Exception {
        String path = "/api/v1/cases/" + caseId + "/decisions";
        JsonNode previewed = JSON.readTree(moderator("mia")
                .body(body)
                .post(path + "/preview")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .extract()
                .asString());
        JsonNode decided = JSON.readTree(moderator("mia")
                .body(body)
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .asString());
        assertThat(without(previewed, "instance")).isEqualTo(without(decided, "instance"));
        return previewed;
    }

    @Test
    void onlyThoseWhoMayDecideMayPreview() {
        String caseId = newCase(db, newModel());
        as("lee", "legal")
                .body(spamDecision(List.of("UNRANK")))
                .post("/api/v1/cases/" + caseId + "/decisions/preview")
                .then()
                .statusCode(403);
    }

    private static JsonNode withoutPuid(JsonNode statement) {
        return without(statement, "puid");
    }

    private static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }
}
