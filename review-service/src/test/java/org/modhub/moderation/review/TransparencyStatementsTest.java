package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.dsa.StatementValidator;
import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.review.FakeTransparencyDatabase.Fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Statements of reasons in the DSA Transparency Database's format: the auditors' NDJSON export,
 * free of personal data, and the submitter against a local fake of the database's API.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
@WithTestResource(FakeTransparencyDatabase.class)
class TransparencyStatementsTest {

    private static final ObjectMapper MAPPER = EventCodec.newObjectMapper();
    private static final StatementValidator VALIDATOR = new StatementValidator();
    private static final String EXPORT = "/api/v1/statements-of-reasons";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyKindOfDecisionExportsAStatementTheValidatorAccepts() {
        Instant from = now().minusSeconds(1);
        Map<String, String> decided = new HashMap<>();
        decided.put(decide(newModel(), List.of("UNRANK", "TAG_NOT_FOR_ALL_AUDIENCES"), null), "unrank+tag");
        decided.put(decide(newModel(), List.of("GATE"), null), "gate");
        decided.put(decide(newModel(), List.of("DISABLE"), null), "disable");
        decided.put(decide(newModel(), List.of("REMOVE"), null), "remove");
        decided.put(decide(newModel(), List.of("TERMINATE_ACCOUNT"), null), "terminate");
        String suspension =
                decide(newModel(), List.of("SUSPEND_ACCOUNT"), Instant.now().plus(30, ChronoUnit.DAYS));
        decided.put(suspension, "suspend");
        String nothing = decide(newModel(), List.of("NO_ACTION"), null);

        UUID notice = UUID.randomUUID();
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new TakedownOrdered(
                        notice, List.of(newModel()), "uploader-9", TakedownScope.WHOLE, "lee-legal", now()));
        String takedown = awaitDecision("notice_id = ?::uuid", notice.toString());
        decided.put(takedown, "dmca takedown");

        SubjectRef appealed = newModel();
        String original = decide(appealed, List.of("UNRANK"), null);
        decided.put(original, "unrank (appealed)");
        UUID appeal = UUID.randomUUID();
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealResolved(
                        appeal,
                        UUID.fromString(original),
                        appealed,
                        AppellantRole.OWNER,
                        AppealOutcome.MODIFIED,
                        List.of(ModerationAction.TAG_NOT_FOR_ALL_AUDIENCES),
                        "A label is enough.",
                        "rita-reviewer",
                        now()));
        String modified = awaitDecision("appeal_id = ?::uuid AND kind = 'DECISION'", appeal.toString());
        decided.put(modified, "appeal modified");

        Map<String, JsonNode> exported = export(from, now().plusSeconds(5));
        exported.forEach((puid, statement) ->
                assertThat(VALIDATOR.validate(statement)).as(puid).isEmpty());
        for (var e : decided.entrySet()) {
            assertThat(exported).as(e.getValue()).containsKey(puid(e.getKey()));
        }
        assertThat(exported)
                .as("no action restricts nothing, so it has no statement")
                .doesNotContainKey(puid(nothing));

        JsonNode dmca = exported.get(puid(takedown));
        assertThat(dmca.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(dmca.get("category").asText()).isEqualTo("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS");
        assertThat(dmca.get("source_type").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(dmca.get("decision_visibility").toString()).contains("DECISION_VISIBILITY_CONTENT_DISABLED");
        // Issue 21: a takedown names the law it was accepted under, and links its text.
        assertThat(dmca.get("illegal_content_legal_ground").asText()).startsWith("17 U.S.C. § 512(c)");
        assertThat(dmca.get("decision_ground_reference_url").asText())
                .isEqualTo("https://www.law.cornell.edu/uscode/text/17/512");

        JsonNode suspended = exported.get(puid(suspension));
        assertThat(suspended.get("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(suspended.get("end_date_account_restriction").asText())
                .isEqualTo(Sql.rows(
                                db,
                                "SELECT (end_date AT TIME ZONE 'UTC')::date::text FROM decision WHERE id = ?::uuid",
                                suspension)
                        .get(0)
                        .get(0));
        assertThat(suspended.has("decision_visibility")).isFalse();

        JsonNode spam = exported.get(puid(original));
        assertThat(spam.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(spam.get("category").asText()).isEqualTo("STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
        assertThat(spam.get("source_type").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(spam.get("automated_detection").asText()).isEqualTo("No");
        assertThat(spam.get("territorial_scope").size()).isEqualTo(30);
        assertThat(spam.get("incompatible_content_ground").asText())
                .isEqualTo(
                        "Content Policy version 2025-04-10, Restricted Content, section 5 (Platform Abuse, Security Violations "
                                + "and Spam): Spam (advertising, excessive bulk activity, disrupting others)");
        assertThat(spam.get("decision_ground_reference_url").asText())
                .isEqualTo("https://huggingface.co/content-policy");
        assertThat(exported.get(puid(modified)).get("decision_visibility").toString())
                .contains("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED");

        for (String decisionId : decided.keySet()) {
            assertThat(stored(decisionId))
                    .as("exported as stored when it took effect: " + decided.get(decisionId))
                    .isEqualTo(exported.get(puid(decisionId)));
        }
        for (JsonNode statement : exported.values()) {
            for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
                assertThat(TransparencyStatement.ATTRIBUTES).contains(names.next());
            }
            assertThat(statement.toString())
                    .doesNotContain("@")
                    .doesNotContain("reporter-")
                    .doesNotContain("owner-");
        }
    }

    @Test
    void noPersonalDataLeavesInTheFacts() {
        SubjectRef model = newModel();
        String reporter = newUser("zed");
        ReportFiled report = report(model, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, false, reporter);
        sendReport(report);
        String caseId = claim(awaitCase(db, model, 1), "mia");
        Map<String, Object> body = spamDecision(List.of("UNRANK"));
        body.put(
                "facts",
                "Reported by " + reporter + " (" + reporter + "@example.org); the card links casino@bets.example.");
        body.put("explanation", "As " + reporter.toUpperCase() + " said, this is spam.");
        String decisionId = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonNode statement =
                export(now().minusSeconds(60), now().plusSeconds(5)).get(puid(decisionId));
        assertThat(statement.get("decision_facts").asText())
                .isEqualTo("Reported by [name removed] ([email removed]); the card links [email removed].");
        assertThat(statement.get("incompatible_content_explanation").asText())
                .isEqualTo("As [name removed] said, this is spam.");
        assertThat(statement.toString()).doesNotContainIgnoringCase(reporter);
        assertThat(VALIDATOR.validate(statement)).isEmpty();
        assertThat(stored(decisionId))
                .as("rendered and stored when the decision took effect")
                .isEqualTo(statement);
        // A statement from before they were stored is rendered when read, to the same text.
        Sql.update(db, "UPDATE statement_submission SET statement = NULL WHERE decision_id = ?::uuid", decisionId);
        assertThat(export(now().minusSeconds(60), now().plusSeconds(5)).get(puid(decisionId)))
                .isEqualTo(statement);
        // The hub's own record keeps what the moderator wrote, for staff.
        moderator("mia")
                .get("/api/v1/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("facts", startsWith("Reported by " + reporter));
    }

    @Test
    void thePeriodIsCheckedAndOnlyAuditorsExport() {
        as("ada", "auditor")
                .queryParam("to", "2026-01-31")
                .get(EXPORT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("query.from"));
        as("ada", "auditor")
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-31")
                .get(EXPORT)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.to"));
        as("ada", "auditor")
                .queryParam("from", "last tuesday")
                .queryParam("to", "2026-01-31")
                .get(EXPORT)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.from"));
        moderator("mia")
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-31")
                .get(EXPORT)
                .then()
                .statusCode(403);
        anonymous()
                .queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-31")
                .get(EXPORT)
                .then()
                .statusCode(401);
        moderator("mia").get(EXPORT + "/submissions").then().statusCode(403);
        // A period with nothing in it is an empty stream, not an error.
        assertThat(as("ada", "auditor")
                        .queryParam("from", "2021-01-01")
                        .queryParam("to", "2021-01-31")
                        .get(EXPORT)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEmpty();
    }

    @Test
    void everyStatementReachesTheDatabaseOnceThoughItFailsMidway() {
        FakeTransparencyDatabase fake = FakeTransparencyDatabase.current();
        // The answer to the first batch is lost after the database stored it, the next is refused outright.
        fake.failNext(Fault.STORE_THEN_500, Fault.UNAVAILABLE_503, Fault.STORE_THEN_500);
        SubjectRef model = newModel();
        String first = decide(model, List.of("UNRANK"), null);
        // 149 more statements like it, queued as enforcement queues them.
        String caseId = Sql.rows(db, "SELECT case_id::text FROM decision WHERE id = ?::uuid", first)
                .get(0)
                .get(0)
                .toString();
        Sql.update(
                db,
                "INSERT INTO decision SELECT (jsonb_populate_record(NULL::decision, to_jsonb(d) || "
                        + "jsonb_build_object('id', gen_random_uuid()))).* FROM decision d, generate_series(1, 149) WHERE d.id = ?::uuid",
                first);
        Sql.update(
                db,
                "INSERT INTO statement_submission (decision_id, puid, state, next_attempt_at, created_at) "
                        + "SELECT id, 'modhub-sor-' || id, 'PENDING', now(), now() FROM decision WHERE case_id = ?::uuid AND id <> ?::uuid",
                caseId,
                first);
        List<String> puids = new ArrayList<>();
        Sql.rows(
                        db,
                        "SELECT puid FROM statement_submission s JOIN decision d ON d.id = s.decision_id WHERE d.case_id = ?::uuid",
                        caseId)
                .forEach(r -> puids.add((String) r.get(0)));
        assertThat(puids).hasSize(150);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.rows(
                                        db,
                                        "SELECT count(*) FROM statement_submission s "
                                                + "JOIN decision d ON d.id = s.decision_id WHERE d.case_id = ?::uuid AND s.state = 'SUBMITTED'",
                                        caseId)
                                .get(0)
                                .get(0))
                        .isEqualTo(150L));
        assertThat(fake.stored()).containsKeys(puids.toArray(String[]::new));
        assertThat(fake.resentAfterStored())
                .as("statements sent again after the database had them")
                .isZero();
        assertThat(fake.lookups()).as("puid lookups before resending").isPositive();
        assertThat(fake.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(fake.batchSizes()).anySatisfy(size -> assertThat(size).isGreaterThan(1));
        assertThat(fake.unauthorized()).isZero();
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM statement_submission WHERE puid = ANY(?) AND attempts = 1 "
                                + "AND database_id IS NULL",
                        (Object) puids.toArray(String[]::new)))
                .as("a statement created at the first try keeps the database's id")
                .isZero();

        as("ada", "auditor")
                .get(EXPORT + "/submissions")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("statements.SUBMITTED", org.hamcrest.Matchers.greaterThanOrEqualTo(150));
    }

    @Test
    void aStatementTheDatabaseRefusesIsRecordedAndTheOthersGoThrough() {
        FakeTransparencyDatabase fake = FakeTransparencyDatabase.current();
        fake.rejectFactsContaining("FAKE-DATABASE-REFUSES");
        try {
            SubjectRef refused = newModel();
            String caseId = claim(newCase(db, refused), "mia");
            Map<String, Object> body = spamDecision(List.of("UNRANK"));
            body.put("facts", "FAKE-DATABASE-REFUSES this one.");
            String bad = moderator("mia")
                    .body(body)
                    .post("/api/v1/cases/" + caseId + "/decisions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String good = decide(newModel(), List.of("UNRANK"), null);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(submission(bad).get(0)).isEqualTo("INVALID");
                assertThat(submission(good).get(0)).isEqualTo("SUBMITTED");
            });
            assertThat((String) submission(bad).get(1)).contains("decision_facts");
            assertThat(fake.stored()).doesNotContainKey(puid(bad)).containsKey(puid(good));
            assertThat(Sql.rows(db, "SELECT database_id FROM statement_submission WHERE decision_id = ?::uuid", good)
                            .get(0)
                            .get(0))
                    .isEqualTo(fake.stored().get(puid(good)).get("uuid").asText());
        } finally {
            fake.rejectFactsContaining(null);
        }
    }

    // --- helpers ---

    private List<Object> submission(String decisionId) {
        return Sql.rows(
                        db,
                        "SELECT state, last_error FROM statement_submission WHERE decision_id = ?::uuid",
                        decisionId)
                .get(0);
    }

    /** The statement stored for the Transparency Database when the decision took effect. */
    private JsonNode stored(String decisionId) {
        String json = (String)
                Sql.rows(db, "SELECT statement FROM statement_submission WHERE decision_id = ?::uuid", decisionId)
                        .get(0)
                        .get(0);
        assertThat(json).as("stored statement of " + decisionId).isNotNull();
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String puid(String decisionId) {
        return "modhub-sor-" + decisionId;
    }

    /** Decides a fresh case on {@code subject} through the queue (approved by a senior where needed). */
    private String decide(SubjectRef subject, List<String> actions, Instant endDate) {
        String caseId = claim(newCase(db, subject), "mia");
        Map<String, Object> body = spamDecision(actions);
        if (endDate != null) {
            body.put("endDate", endDate.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        var created = moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        if ("PENDING_APPROVAL".equals(created.path("status"))) {
            senior("sue").post("/api/v1/decisions/" + id + "/approve").then().statusCode(200);
        }
        return id;
    }

    private String awaitDecision(String where, String value) {
        String[] id = new String[1];
        await().atMost(WAIT).until(() -> {
            var rows = Sql.rows(db, "SELECT id::text FROM decision WHERE status = 'ENFORCED' AND " + where, value);
            if (rows.isEmpty()) {
                return false;
            }
            id[0] = (String) rows.get(0).get(0);
            return true;
        });
        return id[0];
    }

    /** The export for [from, to) by puid, each line parsed on its own. */
    private static Map<String, JsonNode> export(Instant from, Instant to) {
        String body = as("ada", "auditor")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get(EXPORT)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .extract()
                .asString();
        Map<String, JsonNode> out = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode statement = MAPPER.readTree(line);
                out.put(statement.get("puid").asText(), statement);
            } catch (java.io.IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        assertThat(body).endsWith("\n");
        return out;
    }
}
