package org.modhub.moderation.kit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.testapp.MutableClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** A slow, failing or stopped hub: every lookup is a 503 to wait out, the circuit opens, and closes once it is back. */
@QuarkusTest
@TestProfile(HubOutageTest.Flaky.class)
class HubOutageTest {

    static final String MODEL = "GET /api/models/acme/llama-7b-chat";

    /** A short timeout, and a circuit that judges the last eight calls and tries again after a second. */
    public static class Flaky implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String ft = "quarkus.fault-tolerance.\"" + HubCalls.IDENTIFIER + "\".";
            return Map.of(
                    "quarkus.rest-client.hub.url",
                    "http://127.0.0.1:" + HubDirectoryTest.replayPort(),
                    "kit.hub.timeout",
                    "300ms",
                    "kit.hub.retry-after",
                    "7s",
                    ft + "circuit-breaker.request-volume-threshold",
                    "8",
                    ft + "circuit-breaker.delay",
                    "1000");
        }
    }

    static HubReplay hub;

    @Inject
    HubDirectory directory;

    @Inject
    MeterRegistry registry;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void startHub() {
        hub = HubReplay.on(HubDirectoryTest.replayPort());
    }

    @AfterAll
    static void stopHub() {
        hub.stop();
    }

    @BeforeEach
    void hubIsBack() {
        hub.forget();
        serveTheModel();
        clock.advance(Duration.ofMinutes(10));
        // The circuit a previous test opened closes once its delay is over and a call succeeds.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> lookUp().isPresent());
        // Eight good calls fill the breaker's window, so each test starts from the same healthy record.
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(lookUp()).isPresent();
        }
        clock.advance(Duration.ofMinutes(10));
        hub.forget();
        serveTheModel();
    }

    @Test
    void aHubSlowerThanTheTimeoutIsA503AfterTheRetriesNotAWaitForever() {
        hub.reply(MODEL, new HubReplay.Reply(200, Map.of(), HubReplay.read("model-info.json"), 10_000));
        long start = System.nanoTime();

        assertThatThrownBy(this::lookUp).isInstanceOfSatisfying(HubUnavailableException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).containsEntry("Retry-After", "7");
            assertThat(e.reason()).isInstanceOf(TimeoutException.class);
        });
        // Three attempts of 300 ms (kit.hub.timeout) and two short pauses take about 1.2 s; waiting for even one
        // of the hub's 10 s replies would take far longer. The margin absorbs a loaded two-core machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5_000));
        assertThat(hub.targets().stream().filter(MODEL::equals)).hasSize(3);
    }

    @Test
    void aStoppedHubIsA503AndTheNextLookupAfterItsReturnAsksAgain() {
        hub.stop();
        try {
            assertThatThrownBy(this::lookUp).isInstanceOf(HubUnavailableException.class);
        } finally {
            hub = HubReplay.on(HubDirectoryTest.replayPort());
            serveTheModel();
        }
        // As a waiting consumer does: ask again until the hub answers (the circuit may be open for a moment).
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> lookUp().isPresent());
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichStopsCallingTheHubUntilItsDelayIsOver() {
        hub.reply(MODEL, 503, Map.of(), "down".getBytes(StandardCharsets.UTF_8));
        double opened = circuitOpenings();

        assertThatThrownBy(this::lookUp).isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(this::lookUp).isInstanceOf(HubUnavailableException.class);
        int asked = hub.targets().size();
        assertThatThrownBy(this::lookUp)
                .isInstanceOfSatisfying(
                        HubUnavailableException.class,
                        e -> assertThat(e.reason()).isInstanceOf(CircuitBreakerOpenException.class));
        assertThat(hub.targets()).hasSize(asked);
        assertThat(circuitOpenings()).isGreaterThan(opened);

        serveTheModel();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> lookUp().isPresent());
    }

    private Optional<HubSubject> lookUp() {
        return directory
                .find(SubjectRef.parse("model:acme/llama-7b-chat"))
                .await()
                .atMost(Duration.ofSeconds(20));
    }

    private void serveTheModel() {
        hub.recorded(MODEL, "model-info.json")
                .recorded("GET /api/internal/moderation/v1/accounts/acme", "account-acme.json");
    }

    private double circuitOpenings() {
        return Search.in(registry).name("ft.circuitbreaker.opened.total").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
