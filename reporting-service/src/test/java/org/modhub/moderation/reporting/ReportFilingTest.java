package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.reporting.ReportingFixtures.anonymous;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.data;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOn;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportFilingTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void filingARepositoryReportStoresItPublishesReportFiledAndAsksForAReceipt() {
        String alice = newUser("alice");
        String model = newModel();

        Response created = as(alice, "user").body(reportOnModel(model)).post("/api/v1/reports");

        created.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/reports/" + created.path("id")))
                .body("subject", equalTo("model:" + model))
                .body("category", equalTo("platform_abuse"))
                .body("subcategory", equalTo("spam"))
                .body("visibility", equalTo("PUBLIC"))
                .body("status", equalTo("RECEIVED"))
                .body("channel", equalTo("IN_PLATFORM"))
                .body("sourceType", equalTo("SOURCE_TYPE_OTHER_NOTIFICATION"))
                .body("contactEmail", equalTo(alice + "@example.org"));
        UUID id = UUID.fromString(created.path("id"));

        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> e.reportId().equals(id))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.subject().key()).isEqualTo("model:" + model);
                                assertThat(e.visibility()).isEqualTo(ReportVisibility.PUBLIC);
                                assertThat(e.channel()).isEqualTo(ReportChannel.IN_PLATFORM);
                                assertThat(e.reporterId()).isEqualTo(alice);
                                assertThat(e.jurisdiction()).isEqualTo("DE");
                                assertThat(e.evidenceUrls()).containsExactly("https://example.org/screenshot.png");
                            }));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(mails.ofType(NotificationRequested.TYPE))
                            .map(v -> data(v, NotificationRequested.class))
                            .filteredOn(m -> m.threadKey().equals("report:" + id))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.templateId()).isEqualTo("report-receipt");
                                assertThat(m.recipientEmail()).isEqualTo(alice + "@example.org");
                                assertThat(m.replyMailbox()).isEqualTo("safety");
                                assertThat(m.parameters()).containsEntry("reportId", id.toString());
                                // What was reported and when: nothing about the content's owner, only what the template
                                // reads
                                // (notification-service words the category and subcategory codes).
                                assertThat(m.parameters())
                                        .containsOnlyKeys("reportId", "subject", "category", "subcategory", "filedAt");
                            }));
        }
    }

    @Test
    void contactEmailInTheBodyWinsOverTheToken() {
        Map<String, Object> body = reportOnModel(newModel());
        body.put("contactEmail", "reports@lab.example.com");
        as(newUser("bob"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("contactEmail", equalTo("reports@lab.example.com"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheSameReportAndWritesNothingNew() {
        String carol = newUser("carol");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = reportOnModel(newModel());

        String first = as(carol, "user")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(carol, "user")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        assertThat(count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "user:" + carol))
                .isEqualTo(1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND topic = ?",
                        "%" + first + "%",
                        Topics.REPORTING_EVENTS))
                .isEqualTo(1);
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsRefused() {
        String dave = newUser("dave");
        String key = UUID.randomUUID().toString();
        as(dave, "user")
                .header("Idempotency-Key", key)
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(201);
        as(dave, "user")
                .header("Idempotency-Key", key)
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header.Idempotency-Key"));
    }

    @Test
    void repeatReportOfTheSameSubjectIsMergedIntoTheFirst() {
        String erin = newUser("erin");
        String model = newModel();
        String first = file(erin, reportOnModel(model));

        Map<String, Object> again = reportOnModel(model);
        again.put("explanation", "Still spam, now in the README too.");
        as(erin, "user")
                .body(again)
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("Report-Merged", "true")
                .body("id", equalTo(first))
                .body("mergedCount", equalTo(1));

        assertThat(count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "user:" + erin))
                .isEqualTo(1);
        // Someone else reporting the same subject is a report of their own.
        String other = file(newUser("frank"), reportOnModel(model));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void publicViewShowsRepositoryReportsWithoutTheReporterUnlessTheyOptedIn() {
        String grace = newUser("grace");
        String hidden = file(grace, reportOnModel(newModel()));
        anonymous()
                .get("/api/v1/public/reports/" + hidden)
                .then()
                .statusCode(200)
                .body("id", equalTo(hidden))
                .body("category", equalTo("platform_abuse"))
                .body(
                        "explanation",
                        equalTo("The model card is an advertisement for a casino, repeated in every discussion."))
                .body("status", equalTo("RECEIVED"))
                .body("filedAt", org.hamcrest.Matchers.notNullValue())
                .body("reporter", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contactEmail")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("reporterId")));

        Map<String, Object> named = reportOn("dataset", newModel());
        named.put("showReporterPublicly", true);
        String shown = file(grace, named);
        anonymous()
                .get("/api/v1/public/reports/" + shown)
                .then()
                .statusCode(200)
                .body("reporter", equalTo(grace));
    }

    @Test
    void reportsOnCommentsPostsDiscussionsAndAccountsArePrivate() {
        String heidi = newUser("heidi");
        String model = newModel();
        List<Map<String, Object>> bodies = List.of(
                // The hub stand-in's threads under open namespaces have one comment, c-1.
                reportOn("comment", "model:" + model + "#12/c-1"),
                reportOn("discussion", "model:" + model + "#3"),
                reportOn("post", "alice/p-123"),
                reportOn("account", "spammer-" + UUID.randomUUID().toString().substring(0, 6)));
        for (Map<String, Object> body : bodies) {
            Response r = as(heidi, "user").body(body).post("/api/v1/reports");
            r.then().statusCode(201).body("visibility", equalTo("PRIVATE"));
            anonymous()
                    .get("/api/v1/public/reports/" + r.path("id"))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aFileInARepositoryIsReportedWithItsPathAndRevision() {
        Map<String, Object> body = reportOnModel("acme/llama-7b");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) body.get("subject");
        subject.put("path", "weights/model-" + UUID.randomUUID() + ".bin");
        subject.put("revision", "v1.0");
        as(newUser("ivan"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("subject", org.hamcrest.Matchers.startsWith("file:model:acme/llama-7b@v1.0:weights/model-"))
                .body("visibility", equalTo("PUBLIC"));
    }

    @Test
    void illegalContentNoticeNeedsTheGoodFaithStatementAndIsAnArticle16Notice() {
        Map<String, Object> body = reportOnModel(newModel());
        body.put("category", "privacy_and_ip");
        body.put("subcategory", "private_information_disclosure");
        as(newUser("judy"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("goodFaithStatement"));

        body.put("goodFaithStatement", true);
        as(newUser("judy"), "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("sourceType", equalTo(SourceType.SOURCE_ARTICLE_16.name()))
                .body("allegesIllegalContent", equalTo(true))
                .body("goodFaithStatement", equalTo(true));
    }

    @Test
    void myReportsArePagedWithACursorNewestFirst() {
        String mallory = newUser("mallory");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file(mallory, reportOnModel(newModel())));
        }
        file(newUser("someone-else"), reportOnModel(newModel()));

        Response page1 = as(mallory, "user").queryParam("limit", 2).get("/api/v1/reports/mine");
        page1.then().statusCode(200);
        List<String> seen = new ArrayList<>(page1.path("items.id"));
        String cursor = page1.path("nextCursor");
        while (cursor != null) {
            Response next = as(mallory, "user")
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor)
                    .get("/api/v1/reports/mine");
            next.then().statusCode(200);
            seen.addAll(next.path("items.id"));
            cursor = next.path("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(filed.reversed());
    }

    @Test
    void aReportIsVisibleToItsReporterAndStaffOnly() {
        String niaj = newUser("niaj");
        String id = file(niaj, reportOnModel(newModel()));

        as(niaj, "user").get("/api/v1/reports/" + id).then().statusCode(200).body("reporterId", equalTo(niaj));
        as("mod-" + UUID.randomUUID(), "moderator")
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(200)
                .body("contactEmail", equalTo(niaj + "@example.org"));
        as(newUser("olivia"), "user")
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(newUser("olivia"), "user")
                .get("/api/v1/reports/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void staffSearchFiltersBySubjectCategoryStatusSourceAndTime() {
        String model = newModel();
        String peggy = newUser("peggy");
        String spam = file(peggy, reportOnModel(model));
        Map<String, Object> harassment = reportOnModel(model);
        harassment.put("category", "harmful_or_abusive");
        harassment.put("subcategory", "harassment");
        String harass = file(newUser("rupert"), harassment);
        String elsewhere = file(newUser("sybil"), reportOnModel(newModel()));

        var staff = as("mod-" + UUID.randomUUID(), "moderator");
        List<String> bySubject = staff.queryParam("subject", "model:" + model)
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(bySubject).containsExactlyInAnyOrder(spam, harass);

        List<String> byCategory = as("mod-1", "moderator")
                .queryParam("subject", "model:" + model)
                .queryParam("category", "harmful_or_abusive")
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(byCategory).containsExactly(harass);

        List<String> bySource = as("mod-1", "moderator")
                .queryParam("subject", "model:" + model)
                .queryParam("source", "SOURCE_TYPE_OTHER_NOTIFICATION")
                .queryParam("status", "RECEIVED")
                .queryParam("from", "2020-01-01T00:00:00Z")
                .queryParam("to", "2999-01-01T00:00:00Z")
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(bySource).containsExactlyInAnyOrder(spam, harass).doesNotContain(elsewhere);

        List<String> none = as("mod-1", "moderator")
                .queryParam("subject", "model:" + model)
                .queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(none).isEmpty();

        as("mod-1", "moderator")
                .queryParam("category", "nonsense")
                .get("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.category"));
        as("mod-1", "moderator")
                .queryParam("from", "yesterday")
                .get("/api/v1/reports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("query.from"));
    }

    @Test
    void detectorFlagsAreAutomatedOwnInitiativeAndPrivate() {
        String detector = "scanner-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(reportOnModel(newModel()));
        body.remove("jurisdiction");
        body.put("category", "platform_abuse");
        body.put("subcategory", "malware");
        as(detector, "detector")
                .body(body)
                .post("/api/v1/flags")
                .then()
                .statusCode(201)
                .body("channel", equalTo("DETECTOR"))
                .body("sourceType", equalTo("SOURCE_VOLUNTARY"))
                .body("automatedDetection", equalTo(true))
                .body("visibility", equalTo("PRIVATE"));

        body.put("subject", Map.of("kind", "model", "id", newModel()));
        body.put("sourceType", "SOURCE_TYPE_OTHER_NOTIFICATION");
        as("mod-" + UUID.randomUUID(), "moderator")
                .body(body)
                .post("/api/v1/flags")
                .then()
                .statusCode(201)
                .body("channel", equalTo("INTERNAL"))
                .body("sourceType", equalTo("SOURCE_TYPE_OTHER_NOTIFICATION"))
                .body("automatedDetection", equalTo(false));

        body.put("sourceType", "SOURCE_TRUSTED_FLAGGER");
        as(detector, "detector")
                .body(body)
                .post("/api/v1/flags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sourceType"));
    }

    @Test
    void reportsOfATrustedFlaggerCarryThatStatus() {
        String tf = newUser("trusted");
        as("admin-1", "admin")
                .put("/api/v1/notifiers/user:" + tf + "/trusted-flagger")
                .then()
                .statusCode(200)
                .body("trustedFlagger", equalTo(true));
        UUID id = UUID.fromString(file(tf, reportOnModel(newModel())));

        as(tf, "user")
                .get("/api/v1/reports/" + id)
                .then()
                .statusCode(200)
                .body("trustedFlagger", equalTo(true))
                .body("sourceType", equalTo("SOURCE_TRUSTED_FLAGGER"));
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> e.reportId().equals(id))
                            .singleElement()
                            .satisfies(e -> assertThat(e.trustedFlagger()).isTrue()));
        }

        as("admin-1", "admin")
                .delete("/api/v1/notifiers/user:" + tf + "/trusted-flagger")
                .then()
                .statusCode(200)
                .body("trustedFlagger", equalTo(false));
        as(tf, "user")
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("trustedFlagger", equalTo(false));
    }

    @Test
    void aTrustedFlaggersMarkIsTheirStandingAtFilingKeptUntilReviewAndNeverTakenFromMail() {
        String tf = newUser("trusted");
        String notifier = "/api/v1/notifiers/user:" + tf;
        as("admin-1", "admin").put(notifier + "/trusted-flagger").then().statusCode(200);
        as("mod-1", "moderator")
                .body(Map.of("reason", "Bulk filing"))
                .post(notifier + "/mute")
                .then()
                .statusCode(200);
        String held = file(tf, reportOnModel(newModel()));
        // Unmarked after filing: the report keeps the standing it was filed with, also when it reaches review later.
        as("admin-1", "admin").delete(notifier + "/trusted-flagger").then().statusCode(200);
        as("mod-1", "moderator")
                .post("/api/v1/reports/" + held + "/release")
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("trustedFlagger", equalTo(true));

        // A mail from the flagger's address is not a trusted flagger's notice: a From header can be forged.
        as("admin-1", "admin").put(notifier + "/trusted-flagger").then().statusCode(200);
        String mailed = newModel();
        ReportingFixtures.sendMail(ReportingFixtures.mail(
                "safety", tf + "@example.org", "Spam", "Casino spam at https://huggingface.co/" + mailed, null));
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ReportFiled> filed = events.ofType(ReportFiled.TYPE).stream()
                        .map(v -> data(v, ReportFiled.class))
                        .toList();
                assertThat(filed)
                        .filteredOn(e -> e.reportId().toString().equals(held))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.trustedFlagger()).isTrue();
                            assertThat(e.sourceType()).isEqualTo(SourceType.SOURCE_TRUSTED_FLAGGER);
                        });
                assertThat(filed)
                        .filteredOn(e -> e.subject().key().equals("model:" + mailed))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.channel()).isEqualTo(ReportChannel.EMAIL);
                            assertThat(e.trustedFlagger()).isFalse();
                            assertThat(e.sourceType()).isNotEqualTo(SourceType.SOURCE_TRUSTED_FLAGGER);
                        });
            });
        }
    }
}
