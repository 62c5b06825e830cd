package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Evidence links are stored, never fetched: a report, a flag and a mail whose evidence points at a
 * local HTTP server go all the way through (stored, ReportFiled published) and the server is never
 * asked for anything. Fetching would let a notifier make the service request internal addresses
 * (SSRF) or tell a third party that a report is being handled.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class EvidenceNeverFetchedTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void evidenceOfReportsFlagsAndMailIsNeverRequested() {
        int port = server.getAddress().getPort();
        String evidence = "http://127.0.0.1:" + port + "/evidence/screenshot.png";
        String internal = "http://localhost:" + port + "/latest/meta-data/";

        Map<String, Object> report = reportOnModel(newModel());
        report.put("evidenceUrls", List.of(evidence, internal));
        String reportId = as(newUser("notifier"), "user")
                .body(report)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> flag = reportOnModel(newModel());
        flag.remove("jurisdiction");
        flag.put("evidenceUrls", List.of(evidence + "?flag"));
        String flagId = as(newUser("detector"), "detector")
                .body(flag)
                .post("/api/v1/flags")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String from = newUser("mailer") + "@example.net";
        String model = newModel();
        sendMail(mail(
                "safety",
                from,
                "Spam on your hub",
                "The model https://huggingface.co/" + model + " is casino spam, see " + evidence + "?mail and "
                        + internal,
                null));

        try (KafkaProbe events = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ReportFiled> filed = events.ofType(ReportFiled.TYPE).stream()
                        .map(v -> data(v, ReportFiled.class))
                        .toList();
                assertThat(filed).extracting(e -> e.reportId().toString()).contains(reportId, flagId);
                assertThat(filed).anySatisfy(e -> assertThat(e.reporterEmail()).isEqualTo(from));
            });
        }
        // The reports are stored with their links, as given.
        as("mod-1", "moderator")
                .get("/api/v1/reports/" + reportId)
                .then()
                .statusCode(200)
                .body("evidenceUrls", org.hamcrest.Matchers.hasItems(evidence, internal));

        // Consumers and relays have had their chance: still nothing asked of the evidence server.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(requests::isEmpty);
        assertThat(requests).as("requests the service made to evidence links").isEmpty();
        System.out.printf(
                "Evidence links: 3 submissions (report, flag, mail) with 5 links to a local server; requests it received: %d%n",
                requests.size());
    }
}
