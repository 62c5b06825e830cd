package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modhub.moderation.devstack.test.TestTokens.token;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.kit.testapp.HeldRequests;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Past its limit of requests in flight a replica refuses at once, keeps its probes up, and frees each place again. */
@QuarkusTest
@TestProfile(InFlightLimitTest.ThreeAtOnce.class)
class InFlightLimitTest {

    public static class ThreeAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.http.max-in-flight", "3");
        }
    }

    private static final String HELD = "/kit-test/notes/held";

    @TestHTTPResource("/")
    URI base;

    @Inject
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void letGo() {
        HeldRequests.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 0);
    }

    @Test
    void theRequestPastTheLimitIsRefusedAtOnceWithRetryAfterWhileProbesAnswer() throws Exception {
        double refusedBefore =
                registry.get("kit.http.refused.overload").counter().count();
        List<CompletableFuture<HttpResponse<String>>> held = holdThree();

        given().auth()
                .oauth2(token("alice", "user"))
                .contentType(ContentType.JSON)
                .body("{\"text\":\"one too many\",\"priority\":1}")
                .post("/kit-test/notes")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:modhub:problem:overloaded"))
                .body("instance", equalTo("/kit-test/notes"));
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(
                refusedBefore + 1,
                registry.get("kit.http.refused.overload").counter().count());

        HeldRequests.release();
        for (CompletableFuture<HttpResponse<String>> response : held) {
            HttpResponse<String> answered = response.get(10, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode());
            assertEquals("released", answered.body());
        }
        // Every place is free again: the same request now goes through.
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 0);
        given().auth()
                .oauth2(token("alice", "user"))
                .contentType(ContentType.JSON)
                .body("{\"text\":\"now there is room\",\"priority\":1}")
                .post("/kit-test/notes")
                .then()
                .statusCode(200)
                .body("text", equalTo("now there is room"));
    }

    @Test
    void aClientThatHangsUpBeforeTheAnswerGivesItsPlaceBack() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + HELD + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> HeldRequests.arrived() == 1);
        }
        // Its request is still held in the application, but the place is the connection's.
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 0);

        List<CompletableFuture<HttpResponse<String>>> held = holdThree();
        HeldRequests.release();
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertEquals(200, response.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    /** Three requests held in flight: all the places there are. */
    private List<CompletableFuture<HttpResponse<String>>> holdThree() {
        int before = HeldRequests.arrived();
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, 3)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(base.resolve(HELD)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> HeldRequests.arrived() == before + 3);
        assertEquals(3.0, inFlight());
        return held;
    }

    private double inFlight() {
        return registry.get("kit.http.in.flight").gauge().value();
    }
}
