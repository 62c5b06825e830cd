package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.modhub.moderation.appeals.AppealsFixtures.WAIT;
import static org.modhub.moderation.appeals.AppealsFixtures.anonymous;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.auditOf;
import static org.modhub.moderation.appeals.AppealsFixtures.data;
import static org.modhub.moderation.appeals.AppealsFixtures.encode;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The privacy request ledger (GDPR Arts. 15 and 17): legal records a request, it goes out on {@code privacy.requests},
 * every service's answer comes back on {@code privacy.answers} (here published as the services would), and the request
 * completes only when each expected service has sent all its parts. appeals-service may also answer by itself (the kit's
 * privacy desk, once its holder is wired): nothing here depends on what it answers, only that it answered once.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class PrivacyLedgerTest {

    static final String PATH = "/api/v1/privacy/requests";
    static final List<String> SERVICES =
            List.of("reporting-service", "review-service", "dmca-service", "appeals-service", "notification-service");
    static final String DMCA_HOLD = "17 U.S.C. 512(g) and 507(b)";
    static final String STRIKE_HOLD = "17 U.S.C. 512(i) repeat-infringer policy";
    static final String SOR_HOLD = "DSA Art. 17 statement of reasons and enforcement ledger";

    @Inject
    DataSource db;

    @Inject
    TravelClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void onlyLegalAndAdminsRecordAndEveryBadFieldIsNamed() {
        String staff = newUser("legal");
        Map<String, Object> valid = Map.of("kind", "erasure", "accountId", newUser("subject"));

        anonymous().body(valid).post(PATH).then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("moderator", "senior-moderator", "auditor", "user")) {
            as(staff, role).body(valid).post(PATH).then().statusCode(403).contentType("application/problem+json");
        }

        badFields(Map.of("kind", "access"), "accountId");
        badFields(Map.of("kind", "access", "emails", List.of()), "accountId");
        badFields(Map.of("accountId", "alice"), "kind");
        badFields(Map.of("kind", "forget", "accountId", "alice"), "kind");
        badFields(Map.of("kind", "access", "emails", List.of("alice@example.org", "not an address")), "emails[1]");
        badFields(
                Map.of(
                        "kind",
                        "access",
                        "emails",
                        IntStream.range(0, 11)
                                .mapToObj(i -> "a" + i + "@example.org")
                                .toList()),
                "emails");
        badFields(Map.of("kind", "erasure", "accountId", "alice", "note", "x".repeat(2001)), "note");
        badFields(Map.of("kind", "erasure", "accountId", "has space"), "accountId");
        // Several mistakes at once: all named in one answer.
        badFields(Map.of("kind", "later", "emails", List.of("x@", "y@example.org")), "kind", "emails[0]");
        as(staff, "legal")
                .body(Map.of("kind", "access", "accountId", "alice", "reason", "asked by mail"))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:unknown-field"))
                .body("errors.field", hasItem("reason"));
        // Nothing refused was recorded.
        assertThat(Sql.count(db, "SELECT count(*) FROM privacy_request WHERE requested_by = ?", staff))
                .isZero();

        String id = as(staff, "admin")
                .body(valid)
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(staff, "auditor").get(PATH + "/" + id).then().statusCode(200);
        as(staff, "auditor").get(PATH).then().statusCode(200);
        as(staff, "auditor").get(PATH + "/" + id + "/document").then().statusCode(403);
        as(staff, "moderator").get(PATH + "/" + id).then().statusCode(403);
        as(staff, "moderator").get(PATH).then().statusCode(403);
        anonymous().get(PATH + "/" + id).then().statusCode(401);
        as(staff, "legal").get(PATH + "/not-a-request").then().statusCode(404).contentType("application/problem+json");
        as(staff, "legal")
                .get(PATH + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:not-found"));
        as(staff, "legal")
                .get(PATH + "/" + UUID.randomUUID() + "/document")
                .then()
                .statusCode(404);
    }

    @Test
    void anErasureCompletesOnlyWhenTheLastPartOfTheLastServiceArrives() {
        String staff = newUser("legal");
        String subject = newUser("subject");
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "erasure");
        body.put("accountId", subject);
        body.put("emails", List.of(subject + "@Example.org", "second-" + subject + "@example.org"));
        body.put("note", "Asked by mail to legal@ on the 3rd; identity checked by reply from the account address.");

        UUID id;
        try (KafkaProbe requests = KafkaProbe.from(Topics.PRIVACY_REQUESTS)) {
            Response created = as(staff, "legal").body(body).post(PATH);
            created.then()
                    .statusCode(201)
                    .body("kind", equalTo("erasure"))
                    .body("accountId", equalTo(subject))
                    .body("status", equalTo("PENDING"))
                    .body("requestedBy", equalTo(staff))
                    .body("services.service", equalTo(SERVICES))
                    .body("services.status", equalTo(List.of("WAITING", "WAITING", "WAITING", "WAITING", "WAITING")));
            id = UUID.fromString(created.path("id"));
            assertThat(created.header("Location")).endsWith(PATH + "/" + id);
            assertThat(created.<List<String>>path("emails"))
                    .containsExactly(subject + "@example.org", "second-" + subject + "@example.org");

            PrivacyRequested sent = await().atMost(WAIT).until(() -> requested(requests, id), r -> r != null);
            assertThat(sent.kind()).isEqualTo(PrivacyRequestKind.ERASURE);
            assertThat(sent.accountId()).isEqualTo(subject);
            assertThat(sent.emails()).containsExactly(subject + "@example.org", "second-" + subject + "@example.org");
            assertThat(sent.requestedBy()).isEqualTo(staff);
        }

        Instant heldUntil = Instant.parse("2029-12-31T00:00:00Z");
        answer(
                id,
                "dmca-service",
                PrivacyRequestKind.ERASURE,
                1,
                2,
                held("dmca-notice", "notice-1", DMCA_HOLD, heldUntil),
                done("dmca-notice", "notice-2", ItemTreatment.ERASED));
        answer(
                id,
                "reporting-service",
                PrivacyRequestKind.ERASURE,
                1,
                1,
                done("report", "report-1", ItemTreatment.ANONYMISED),
                done("notifier-standing", subject, ItemTreatment.ERASED));
        answer(
                id,
                "review-service",
                PrivacyRequestKind.ERASURE,
                1,
                1,
                done("case-report", "cr-1", ItemTreatment.ANONYMISED),
                held("decision", "decision-1", SOR_HOLD, null));
        answer(
                id,
                "notification-service",
                PrivacyRequestKind.ERASURE,
                1,
                1,
                done("mail-delivery", "mail-1", ItemTreatment.ANONYMISED),
                done("suppression", "supp-1", ItemTreatment.ERASED));
        answer(
                id,
                "appeals-service",
                PrivacyRequestKind.ERASURE,
                1,
                1,
                done("appeal", "appeal-1", ItemTreatment.ANONYMISED));

        // Four services answered in full, dmca-service sent one of its two parts: still pending.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath view = view(id);
            for (String service :
                    List.of("reporting-service", "review-service", "notification-service", "appeals-service")) {
                assertThat(service(view, service)).containsEntry("status", "ANSWERED");
            }
            assertThat(service(view, "dmca-service"))
                    .containsEntry("status", "WAITING")
                    .containsEntry("partsReceived", 1)
                    .containsEntry("parts", 2);
        });
        JsonPath pending = view(id);
        assertThat(pending.getString("status")).isEqualTo("PENDING");
        assertThat(pending.getString("completedAt")).isNull();
        as(staff, "legal")
                .get(PATH + "/" + id + "/document")
                .then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("waiting", equalTo(List.of("dmca-service")));

        answer(
                id,
                "dmca-service",
                PrivacyRequestKind.ERASURE,
                2,
                2,
                held("dmca-strike", "strike-1", STRIKE_HOLD, heldUntil));

        await().atMost(WAIT).until(() -> "COMPLETE".equals(view(id).getString("status")));
        JsonPath complete = view(id);
        assertThat(complete.getString("completedAt")).isNotNull();
        assertThat(complete.getList("services.status")).containsOnly("ANSWERED");
        assertThat(counts(complete, "dmca-service"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("FOUND", 0, "ERASED", 1, "ANONYMISED", 0, "HELD", 2));
        assertThat(counts(complete, "reporting-service"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("FOUND", 0, "ERASED", 1, "ANONYMISED", 1, "HELD", 0));
        assertThat(counts(complete, "review-service"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("FOUND", 0, "ERASED", 0, "ANONYMISED", 1, "HELD", 1));
        assertThat(counts(complete, "notification-service"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("FOUND", 0, "ERASED", 1, "ANONYMISED", 1, "HELD", 0));
        List<Map<String, Object>> dmcaHolds = holds(complete, "dmca-service");
        assertThat(dmcaHolds)
                .extracting(h -> h.get("id") + " " + h.get("rule"))
                .containsExactlyInAnyOrder("notice-1 " + DMCA_HOLD, "strike-1 " + STRIKE_HOLD);
        assertThat(dmcaHolds)
                .allSatisfy(h ->
                        assertThat(Instant.parse((String) h.get("heldUntil"))).isEqualTo(heldUntil));
        assertThat(holds(complete, "review-service")).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("kind", "decision").containsEntry("rule", SOR_HOLD);
            assertThat(h.get("heldUntil")).isNull();
        });
        assertThat(holds(complete, "reporting-service")).isEmpty();

        Response download = as(staff, "legal").get(PATH + "/" + id + "/document");
        download.then()
                .statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"privacy-request-" + id + ".json\"")
                .body("complete", equalTo(true))
                .body("waiting", equalTo(List.of()))
                .body("request.id", equalTo(id.toString()))
                .body("request.status", equalTo("COMPLETE"))
                .body("services.service", equalTo(SERVICES));
        JsonPath doc = download.jsonPath();
        assertThat(itemIds(doc, "dmca-service")).containsExactly("notice-1", "notice-2", "strike-1");
        assertThat(itemIds(doc, "reporting-service")).containsExactly("report-1", subject);
        assertThat(itemIds(doc, "review-service")).containsExactly("cr-1", "decision-1");
        assertThat(itemIds(doc, "notification-service")).containsExactly("mail-1", "supp-1");
        assertThat(itemIds(doc, "appeals-service")).isNotNull();

        // A part stored before, sent again under a new event id, changes nothing. An answer of a service the request
        // does not wait for is kept; as it travels after the duplicate on the request's partition, once it shows the
        // duplicate has been handled.
        String completedAt = complete.getString("completedAt");
        answer(
                id,
                "dmca-service",
                PrivacyRequestKind.ERASURE,
                1,
                2,
                done("dmca-notice", "notice-9", ItemTreatment.ERASED));
        answer(id, "matching-service", PrivacyRequestKind.ERASURE, 1, 1);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(view(id).getList("services.service")).contains("matching-service"));
        JsonPath after = view(id);
        assertThat(service(after, "matching-service"))
                .containsEntry("expected", false)
                .containsEntry("status", "ANSWERED");
        assertThat(after.getString("completedAt")).isEqualTo(completedAt);
        assertThat(counts(after, "dmca-service")).containsEntry("ERASED", 1).containsEntry("HELD", 2);
        assertThat(itemIds(as(staff, "legal").get(PATH + "/" + id + "/document").jsonPath(), "dmca-service"))
                .containsExactly("notice-1", "notice-2", "strike-1");

        List<Map<String, Object>> audit = auditOf(id);
        assertThat(audit)
                .filteredOn(e -> "privacy.requested".equals(e.get("action")))
                .singleElement()
                .satisfies(e ->
                        assertThat(e).containsEntry("actor", staff).containsEntry("entityType", "privacy-request"));
        assertThat(audit)
                .filteredOn(e -> "privacy.completed".equals(e.get("action")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actor", "system:appeals-service"));
        List<String> answered = audit.stream()
                .filter(e -> "privacy.answered".equals(e.get("action")))
                .map(e -> (String) e.get("detail"))
                .toList();
        // dmca twice (two parts; the duplicate not at all), the other four once each, matching-service once.
        assertThat(answered).hasSize(7);
        assertThat(answered).filteredOn(d -> d.startsWith("dmca-service")).hasSize(2);
        assertThat(answered)
                .filteredOn(d -> d.startsWith("dmca-service answered (part 1 of 2)"))
                .singleElement()
                .satisfies(d ->
                        assertThat(d).contains("HELD=1").contains("ERASED=1").contains(DMCA_HOLD));
        assertThat(answered)
                .filteredOn(d -> d.startsWith("review-service"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains(SOR_HOLD));
        // The audit log names the request, never the person.
        assertThat(audit)
                .filteredOn(e -> ((String) e.get("action")).startsWith("privacy.requested")
                        || ((String) e.get("action")).startsWith("privacy.answered")
                        || ((String) e.get("action")).startsWith("privacy.completed"))
                .allSatisfy(e -> assertThat(String.valueOf(e.get("detail"))).doesNotContain(subject));
    }

    @Test
    void anAccessDocumentListsEveryItemWithWhatWhyAndTheDataWhileIncompleteToo() {
        String staff = newUser("legal");
        String email = newUser("person") + "@example.org";
        String id = as(staff, "legal")
                .body(Map.of("kind", "access", "emails", List.of(email)))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("accountId", equalTo(null))
                .extract()
                .path("id");
        UUID requestId = UUID.fromString(id);
        answer(
                requestId,
                "reporting-service",
                PrivacyRequestKind.ACCESS,
                1,
                1,
                found("report", "r-1", Map.of("contact_email", email, "explanation", "Spam.")));
        answer(requestId, "review-service", PrivacyRequestKind.ACCESS, 1, 1);
        answer(
                requestId,
                "dmca-service",
                PrivacyRequestKind.ACCESS,
                1,
                1,
                found("dmca-notice", "n-1", Map.of("contact_email", email, "phone", "+49 30 1234")),
                found("dmca-counter-notice", "c-1", Map.of("address", "Street 1")));

        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(service(view(requestId), "dmca-service")).containsEntry("status", "ANSWERED"));
        JsonPath incomplete = as(staff, "admin")
                .get(PATH + "/" + id + "/document")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(incomplete.getBoolean("complete")).isFalse();
        assertThat(incomplete.getList("waiting", String.class))
                .contains("notification-service")
                .doesNotContain("reporting-service", "review-service", "dmca-service");
        assertThat(itemIds(incomplete, "dmca-service")).containsExactly("n-1", "c-1");
        assertThat(itemIds(incomplete, "notification-service")).isEmpty();

        answer(
                requestId,
                "notification-service",
                PrivacyRequestKind.ACCESS,
                1,
                1,
                found("mail-delivery", "m-1", Map.of("recipient", email)));
        answer(requestId, "appeals-service", PrivacyRequestKind.ACCESS, 1, 1);
        await().atMost(WAIT).until(() -> "COMPLETE".equals(view(requestId).getString("status")));
        assertThat(counts(view(requestId), "dmca-service")).containsEntry("FOUND", 2);

        JsonPath doc = as(staff, "legal")
                .get(PATH + "/" + id + "/document")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(doc.getBoolean("complete")).isTrue();
        assertThat(doc.getString("request.kind")).isEqualTo("access");
        assertThat(doc.getList("request.emails", String.class)).containsExactly(email);
        assertThat(doc.getString("generatedAt")).isNotNull();
        Map<String, Object> notice = items(doc, "dmca-service").get(0);
        assertThat(notice)
                .containsEntry("kind", "dmca-notice")
                .containsEntry("treatment", "FOUND")
                .containsEntry("what", "dmca-notice n-1 naming you")
                .containsEntry("why", "Kept because the test says so.")
                .containsEntry("fields", Map.of("contact_email", email, "phone", "+49 30 1234"));
        assertThat(itemIds(doc, "reporting-service")).containsExactly("r-1");
        assertThat(itemIds(doc, "review-service")).isEmpty();
        assertThat(itemIds(doc, "notification-service")).containsExactly("m-1");

        // The list shows it, newest first, and pages with the kit's cursor.
        List<String> first = as(staff, "auditor")
                .queryParam("limit", "1")
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(first).hasSize(1);
        String next = as(staff, "auditor")
                .queryParam("limit", "1")
                .get(PATH)
                .then()
                .extract()
                .path("nextCursor");
        assertThat(next).isNotNull();
        List<String> second = as(staff, "auditor")
                .queryParam("limit", "1")
                .queryParam("cursor", next)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        as(staff, "auditor")
                .queryParam("cursor", "nonsense")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("query.cursor"));

        // The same person's erasure, once every service has answered it, takes the copy of their data out of the
        // access answers: what was found and why stays.
        UUID erasure = UUID.fromString(as(staff, "legal")
                .body(Map.of("kind", "erasure", "emails", List.of(email.toUpperCase(java.util.Locale.ROOT))))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        for (String service : List.of(
                "reporting-service", "review-service", "dmca-service", "appeals-service", "notification-service")) {
            answer(erasure, service, PrivacyRequestKind.ERASURE, 1, 1);
        }
        await().atMost(WAIT).until(() -> "COMPLETE".equals(view(erasure).getString("status")));
        JsonPath after = as(staff, "legal")
                .get(PATH + "/" + id + "/document")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(items(after, "dmca-service"))
                .extracting(i -> i.get("id"), i -> i.get("what"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("n-1", "dmca-notice n-1 naming you"),
                        org.assertj.core.groups.Tuple.tuple("c-1", "dmca-counter-notice c-1 naming you"));
        assertThat(after.getList("services.items.flatten().fields"))
                .allSatisfy(f -> assertThat((Map<?, ?>) f).isNullOrEmpty());
        assertThat(after.prettify()).doesNotContain("+49 30 1234").doesNotContain("Street 1");
    }

    @Test
    void anAnswerToARequestTheLedgerDoesNotHoldIsDeadLettered() {
        UUID unknown = UUID.randomUUID();
        try (KafkaProbe dlq = KafkaProbe.from(Topics.APPEALS_DLQ)) {
            answer(unknown, "dmca-service", PrivacyRequestKind.ACCESS, 1, 1);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(dlq.poll())
                            .anySatisfy(r -> assertThat(r.value()).contains(unknown.toString())));
        }
        assertThat(Sql.count(db, "SELECT count(*) FROM privacy_answer WHERE request_id = ?", unknown))
                .isZero();
    }

    @Test
    void aCompletedRequestGoesWithItsAnswersThreeYearsAfterItCompletedAndAPendingOneStays() {
        String staff = newUser("legal");
        UUID done = record(staff, "erasure");
        UUID open = record(staff, "erasure");
        for (String service : SERVICES) {
            answer(
                    done,
                    service,
                    PrivacyRequestKind.ERASURE,
                    1,
                    1,
                    done("record", service + "-1", ItemTreatment.ERASED));
        }
        answer(open, "dmca-service", PrivacyRequestKind.ERASURE, 1, 1);
        await().atMost(WAIT).until(() -> "COMPLETE".equals(view(done).getString("status")));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(service(view(open), "dmca-service")).containsEntry("status", "ANSWERED"));
        Object value = Sql.rows(db, "SELECT completed_at FROM privacy_request WHERE id = ?", done)
                .get(0)
                .get(0);
        Instant completedAt =
                value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();

        // The schedule names the rule with its period: three years (GDPR Art. 5(2)).
        as("auditor-1", "auditor")
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .body("schedule.find { it.kind == 'privacy-requests' }.days", equalTo(1095));
        Duration period = Duration.ofDays(1095);
        try {
            clock.travelTo(completedAt.plus(period).minus(Duration.ofHours(1)));
            runRetention();
            assertThat(requestRows(done)).isOne();
            assertThat(answerRows(done)).isEqualTo(5);

            clock.travelTo(completedAt.plus(period).plus(Duration.ofHours(1)));
            Map<String, Integer> removed = runRetention();
            assertThat(removed.get("privacy-requests")).isPositive();
            assertThat(requestRows(done)).isZero();
            assertThat(answerRows(done)).isZero();
            assertThat(requestRows(open)).isOne();
            // The pending request keeps its answers: dmca's, and appeals-service's own (it answers every request).
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM privacy_answer WHERE request_id = ? AND service = 'dmca-service'",
                            open))
                    .isOne();
            as("legal-1", "legal").get(PATH + "/" + done).then().statusCode(404);
        } finally {
            clock.reset();
        }
    }

    // --- helpers ---

    private void badFields(Map<String, Object> body, String... fields) {
        as("legal-checks", "legal")
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:modhub:problem:validation"))
                .body("errors.field", equalTo(List.of(fields)))
                .body("detail", startsWith(fields[0]));
    }

    private static UUID record(String staff, String kind) {
        return UUID.fromString(as(staff, "legal")
                .body(Map.of("kind", kind, "accountId", newUser("subject")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static PrivacyRequested requested(KafkaProbe probe, UUID id) {
        return probe.ofType(PrivacyRequested.TYPE).stream()
                .map(v -> data(v, PrivacyRequested.class))
                .filter(r -> r.requestId().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** Publishes a part of a service's answer as the service's privacy desk does: on privacy.answers, keyed by request. */
    private static void answer(
            UUID requestId, String service, PrivacyRequestKind kind, int part, int parts, PersonalDataItem... items) {
        PrivacyAnswered answer = new PrivacyAnswered(
                requestId,
                service,
                kind,
                part,
                parts,
                List.of(items),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(Topics.PRIVACY_ANSWERS, requestId.toString(), encode("/modhub/moderation/" + service, answer));
    }

    private static PersonalDataItem found(String kind, String id, Map<String, String> fields) {
        return new PersonalDataItem(
                kind,
                id,
                kind + " " + id + " naming you",
                "Kept because the test says so.",
                ItemTreatment.FOUND,
                null,
                null,
                fields);
    }

    private static PersonalDataItem done(String kind, String id, ItemTreatment treatment) {
        return new PersonalDataItem(kind, id, kind + " " + id, "Test record.", treatment, null, null, Map.of());
    }

    private static PersonalDataItem held(String kind, String id, String rule, Instant until) {
        return new PersonalDataItem(
                kind, id, kind + " " + id, "Test record.", ItemTreatment.HELD, rule, until, Map.of());
    }

    private static JsonPath view(UUID id) {
        return as("legal-1", "legal")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> service(JsonPath view, String service) {
        List<Map<String, Object>> services = view.getList("services");
        return services.stream()
                .filter(s -> service.equals(s.get("service")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " is not listed"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(JsonPath view, String service) {
        return (Map<String, Object>) service(view, service).get("counts");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> holds(JsonPath view, String service) {
        return (List<Map<String, Object>>) service(view, service).get("holds");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(JsonPath doc, String service) {
        return (List<Map<String, Object>>) service(doc, service).get("items");
    }

    private static List<String> itemIds(JsonPath doc, String service) {
        List<String> ids = new ArrayList<>();
        items(doc, service).forEach(i -> ids.add((String) i.get("id")));
        return ids;
    }

    /** A retention run now, as an admin starts one: what each rule removed. */
    private Map<String, Integer> runRetention() {
        return as("admin-1", "admin")
                .post("/api/v1/privacy/retention/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("removed");
    }

    private long requestRows(UUID id) {
        return Sql.count(db, "SELECT count(*) FROM privacy_request WHERE id = ?", id);
    }

    private long answerRows(UUID id) {
        return Sql.count(db, "SELECT count(*) FROM privacy_answer WHERE request_id = ?", id);
    }
}
