package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.data;
import static org.modhub.moderation.reporting.ReportingFixtures.mail;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendMail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.reporting.domain.SafetyMailIntake;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Every intake asks the hub (devstack's stand-in) whether the reported content exists before anything is stored: a
 * report, a flag or a mail on content the hub does not have files nothing; while the hub is down a report is 503 and a
 * mail waits; a subject is never an address the service could be made to request.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class HubSubjectTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    private HttpServer canary;
    private final List<String> canaryRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void startCanary() throws IOException {
        canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canary.createContext("/", exchange -> {
            canaryRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        canary.start();
    }

    @AfterEach
    void stopCanary() {
        canary.stop(0);
    }

    /** A model in a namespace the stand-in has no account for (its {@code unknown-*} exception). */
    private static String unknownModel() {
        return "unknown-" + UUID.randomUUID().toString().substring(0, 8) + "/model";
    }

    private static String sender() {
        return "hank-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private long reportsOf(String sender) {
        return count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "email:" + sender);
    }

    private static ValidatableResponse staffSearch(String subjectKey) {
        return as("mod-1", "moderator")
                .queryParam("subject", subjectKey)
                .get("/api/v1/reports")
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> flagOn(String model) {
        Map<String, Object> body = reportOnModel(model);
        body.remove("jurisdiction");
        body.put("automatedDetection", true);
        return body;
    }

    @Test
    void aReportOrFlagOnContentTheHubDoesNotHaveIs422NamingTheSubjectAndCountsForNothing() {
        String user = newUser("careful");
        for (String model : List.of(unknownModel(), "nobody/model-" + UUID.randomUUID())) {
            as(user, "user")
                    .body(reportOnModel(model))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:modhub:problem:unknown-subject"))
                    .body("errors[0].field", equalTo("subject"))
                    .body("errors[0].message", equalTo("the hub has no model:" + model));
            as("detector-1", "detector")
                    .body(flagOn(model))
                    .post("/api/v1/flags")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("urn:modhub:problem:unknown-subject"))
                    .body("errors[0].field", equalTo("subject"));
            staffSearch("model:" + model).body("items", empty());
        }
        // Refused reports are not reports: more of them than the rate limit (5 in tests) leave the limit untouched.
        for (int i = 0; i < 4; i++) {
            as(user, "user")
                    .body(reportOnModel(unknownModel()))
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(422);
        }
        as(user, "user").get("/api/v1/reports/mine").then().statusCode(200).body("items", empty());
        for (int i = 0; i < 5; i++) {
            ReportingFixtures.file(user, reportOnModel(newModel()));
        }
        as(user, "user")
                .body(reportOnModel(newModel()))
                .post("/api/v1/reports")
                .then()
                .statusCode(429);
    }

    @Test
    void aMailNamingOnlyContentTheHubDoesNotHaveIsAskedForTheLocationWithTheReasonAndFilesNothing() {
        String from = sender();
        String unknown = unknownModel();
        String known = newModel();
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var mails = KafkaProbe.from(Topics.NOTIFICATION_REQUESTS)) {
            InboundMailReceived sent = mail(
                    "safety",
                    from,
                    "Spam",
                    "This model is spam: https://huggingface.co/" + unknown + " please remove it.",
                    null);
            sendMail(sent);
            NotificationRequested ask = await().atMost(WAIT)
                    .until(
                            () -> mails.ofType(NotificationRequested.TYPE).stream()
                                    .map(v -> data(v, NotificationRequested.class))
                                    .filter(m -> m.recipientEmail().equals(from))
                                    .findFirst()
                                    .orElse(null),
                            m -> m != null);
            // The sender is told, on their own conversation, that the hub has no such content and asked where it is.
            assertThat(ask.templateId()).isEqualTo("report-location-request");
            assertThat(ask.inReplyTo()).isEqualTo(sent.messageId());
            assertThat(ask.parameters()).containsEntry(SafetyMailIntake.UNKNOWN_SUBJECTS, "model:" + unknown);
            // Nothing filed: no report on that subject, nothing to review.
            staffSearch("model:" + unknown).body("items", empty());
            assertThat(Sql.rows(db, "SELECT status, subject_key FROM report WHERE notifier_key = ?", "email:" + from))
                    .containsExactly(java.util.Arrays.asList("AWAITING_LOCATION", null));
            assertThat(events.ofType(ReportFiled.TYPE))
                    .map(v -> data(v, ReportFiled.class))
                    .noneMatch(e -> from.equals(e.reporterEmail()));

            // Their answer naming content the hub has completes it, as with any location request.
            sendMail(mail(
                    "safety",
                    from,
                    "Re: Where exactly?",
                    "Sorry, a typo: https://huggingface.co/" + known,
                    ask.threadKey()));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> from.equals(e.reporterEmail()))
                            .singleElement()
                            .satisfies(e -> assertThat(e.subject().key()).isEqualTo("model:" + known)));
        }
        assertThat(reportsOf(from)).isEqualTo(1);
    }

    @Test
    void whileTheHubIsDownAReportIs503AndAMailWaitsAndIsFiledOnceWhenItIsBack() {
        var hub = DevStack.shared().hub();
        String user = newUser("patient");
        String reported = newModel();
        String mailed = newModel();
        String from = sender();
        InboundMailReceived sent =
                mail("safety", from, "Spam", "Casino spam at https://huggingface.co/" + mailed + " again.", null);
        try (var events = KafkaProbe.from(Topics.REPORTING_EVENTS);
                var dead = KafkaProbe.from("reporting.dlq")) {
            hub.stop();
            try {
                as(user, "user")
                        .body(reportOnModel(reported))
                        .post("/api/v1/reports")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:modhub:problem:hub-unavailable"))
                        .body("retryAfterSeconds", greaterThanOrEqualTo(1));
                staffSearch("model:" + reported).body("items", empty());
                as(user, "user")
                        .get("/api/v1/reports/mine")
                        .then()
                        .statusCode(200)
                        .body("items", empty());

                sendMail(sent);
                // The mail waits for the hub: not filed, not dropped, not dead-lettered.
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> reportsOf(from) == 0);
            } finally {
                hub.start();
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(reportsOf(from)).isEqualTo(1));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(ReportFiled.TYPE))
                            .map(v -> data(v, ReportFiled.class))
                            .filteredOn(e -> from.equals(e.reporterEmail()))
                            .singleElement()
                            .satisfies(e -> assertThat(e.subject().key()).isEqualTo("model:" + mailed)));
            assertThat(dead.poll())
                    .noneMatch(r -> r.value() != null && r.value().contains(sent.messageId()));
        }
        // Back: the same report is filed now.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(user, "user")
                        .body(reportOnModel(reported))
                        .post("/api/v1/reports")
                        .then()
                        .statusCode(201));
        staffSearch("model:" + reported).body("items.size()", equalTo(1));
        assertThat(reportsOf(from)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubjectGivenAsAnAddressOffTheHubIsRefusedAndNeverRequested() {
        var hub = DevStack.shared().hub();
        int port = canary.getAddress().getPort();
        URI standIn = URI.create(hub.url());
        String marker = "ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> offTheHub = List.of(
                "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.1:" + port + "/x",
                "https://evil.example/model/" + marker,
                // Hub-looking: user-info before the real host, user-info on the hub, the hub on another port.
                "https://huggingface.co@127.0.0.1:" + port + "/acme/" + marker,
                "https://user:secret@huggingface.co/acme/" + marker,
                "https://huggingface.co:" + port + "/acme/" + marker,
                "http://" + standIn.getAuthority() + "@127.0.0.1:" + port + "/api/models/acme/" + marker,
                "http://" + standIn.getAuthority() + "/api/models/acme/" + marker);
        hub.clearRequests();
        for (String url : offTheHub) {
            Map<String, Object> alone = reportOnModel(newModel());
            alone.put("subject", new HashMap<>(Map.of("url", url)));
            Map<String, Object> beside = reportOnModel(newModel());
            ((Map<String, Object>) beside.get("subject")).put("url", url);
            for (Map<String, Object> body : List.of(alone, beside)) {
                as(newUser("prober"), "user")
                        .body(body)
                        .post("/api/v1/reports")
                        .then()
                        .statusCode(400)
                        .body("errors.field", org.hamcrest.Matchers.hasItem("subject.url"));
                Map<String, Object> flag = new HashMap<>(body);
                flag.remove("jurisdiction");
                as("detector-1", "detector")
                        .body(flag)
                        .post("/api/v1/flags")
                        .then()
                        .statusCode(400)
                        .body("errors.field", org.hamcrest.Matchers.hasItem("subject.url"));
            }
            // The address as the subject's id is no subject at all.
            Map<String, Object> asId = reportOnModel(newModel());
            asId.put("subject", new HashMap<>(Map.of("kind", "model", "id", url)));
            as(newUser("prober"), "user")
                    .body(asId)
                    .post("/api/v1/reports")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("subject.id"));
        }
        // A hub page alone names its subject, which the hub is asked about by key.
        String ns = "open" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> byPage = reportOnModel(newModel());
        byPage.put("subject", new HashMap<>(Map.of("url", "https://huggingface.co/" + ns + "/" + marker)));
        as(newUser("reader"), "user")
                .body(byPage)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .body("subject", equalTo("model:" + ns + "/" + marker));

        assertThat(canaryRequests).isEmpty();
        assertThat(hub.requests())
                .noneMatch(r -> r.contains("meta-data") || r.contains("evil") || r.contains("127.0.0.1"))
                .filteredOn(r -> r.contains(marker))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).startsWith("GET /api/models/" + ns + "/" + marker));
    }
}
