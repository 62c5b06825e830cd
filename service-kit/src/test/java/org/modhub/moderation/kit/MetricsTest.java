package org.modhub.moderation.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.update;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.ScrapedMetrics;
import org.modhub.moderation.kit.metrics.MetricSampler;
import org.modhub.moderation.kit.outbox.OutboxRelay;
import org.modhub.moderation.kit.testapp.LateTimerHandler;
import org.modhub.moderation.kit.testapp.MutableClock;
import org.modhub.moderation.kit.testapp.NoteService;
import org.modhub.moderation.kit.testapp.TestTimerHandler;
import org.modhub.moderation.kit.timer.TimerWorker;
import org.modhub.moderation.kit.timer.Timers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The gauges and histograms the alert rules read, as an operator sees them on /q/metrics: an outbox that stops
 * publishing, a timer that does not fire, how late timers fire and when one is given up. The timer worker does not run
 * on its own in the kit's tests (kit.timers.enabled=false): a timer nobody fires is a stalled worker.
 */
@QuarkusTest
class MetricsTest {

    private static final String KIND = LateTimerHandler.KIND;

    @Inject
    MetricSampler sampler;

    @Inject
    MutableClock clock;

    @Inject
    Timers timers;

    @Inject
    TimerWorker worker;

    @Inject
    OutboxRelay relay;

    @Inject
    NoteService notes;

    @Inject
    DataSource db;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        clock.reset();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
        update(db, "UPDATE kit_outbox_lease SET holder = NULL, expires_at = 'epoch' WHERE holder = 'metrics-test'");
    }

    @Test
    void anEventKafkaHasNotTakenShowsItsAgeUntilItIsPublished() throws Exception {
        relay.wake();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(sampled("kit_outbox_oldest_unsent_seconds")).isZero());

        // Another replica holds the relay lease and does nothing with it: no event leaves.
        update(db, "UPDATE kit_outbox_lease SET holder = 'metrics-test', expires_at = 'infinity' WHERE id = 1");
        OnVertx.await(() -> notes.write("metrics-" + UUID.randomUUID(), "stuck in the outbox", false));
        assertThat(sampled("kit_outbox_oldest_unsent_seconds")).isLessThan(60);

        clock.advance(Duration.ofMinutes(10));
        assertThat(sampled("kit_outbox_oldest_unsent_seconds"))
                .as("the alert OutboxStalled fires above 300 s")
                .isGreaterThan(300);

        update(db, "UPDATE kit_outbox_lease SET holder = NULL, expires_at = 'epoch' WHERE id = 1");
        relay.wake();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(sampled("kit_outbox_oldest_unsent_seconds")).isZero());
    }

    @Test
    void theCountersTheAlertsIncreaseAreRegisteredAtStartNotAtTheirFirstCount() {
        // increase() needs a sample before the first failure: a counter born at 1 would never alert. Nothing in the
        // kit's tests dead-letters privacy.requests, so these series exist only because they were registered at start.
        ScrapedMetrics seen = ScrapedMetrics.scrape();
        for (String counter : List.of(
                "kit_consumer_dead_lettered_total", "kit_consumer_poison_total", "kit_consumer_duplicates_total")) {
            assertThat(seen.find(counter, "topic", Topics.PRIVACY_REQUESTS))
                    .as(counter + " of a topic a channel reads")
                    .isPresent();
        }
        for (String series : List.of(
                "kit_timers_dead_total",
                "kit_timers_failures_total",
                "kit_timers_fired_total",
                "kit_timers_lateness_seconds_count")) {
            assertThat(seen.find(series, "kind", TestTimerHandler.KIND))
                    .as(series + " of each kind handled here")
                    .isPresent();
        }
    }

    @Test
    void aTimerThatDoesNotFireShowsAsOverdueByItsKind() throws Exception {
        String key = "stalled-" + UUID.randomUUID();
        assertThat(sampled("kit_timers_overdue", "kind", KIND))
                .as("a kind this service handles reads 0 while none is late")
                .isZero();

        OnVertx.await(() -> Panache.withTransaction(
                () -> timers.schedule(KIND, key, clock.instant().minusSeconds(30), null)));
        assertThat(sampled("kit_timers_overdue", "kind", KIND))
                .as("half a minute late is within the worker's round")
                .isZero();

        clock.advance(Duration.ofMinutes(6));
        ScrapedMetrics seen = sampleAndScrape();
        assertThat(seen.value("kit_timers_overdue", "kind", KIND)).isEqualTo(1);
        assertThat(seen.value("kit_timers_overdue_oldest_seconds", "kind", KIND))
                .as("the legal-clock alerts fire above 300 s")
                .isGreaterThan(300)
                .isLessThan(420);

        OnVertx.await(() -> Panache.withTransaction(() -> timers.cancel(KIND, key)));
        seen = sampleAndScrape();
        assertThat(seen.value("kit_timers_overdue", "kind", KIND)).isZero();
        assertThat(seen.value("kit_timers_overdue_oldest_seconds", "kind", KIND))
                .isZero();
    }

    @Test
    void aFiredTimerRecordsHowLateItFired() throws Exception {
        ScrapedMetrics before = ScrapedMetrics.scrape();
        OnVertx.await(() -> Panache.withTransaction(() -> timers.schedule(
                KIND, "late-" + UUID.randomUUID(), clock.instant().minus(Duration.ofMinutes(2)), null)));
        OnVertx.await(() -> worker.fireDue());

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertThat(delta(before, after, "kit_timers_lateness_seconds_count", "kind", KIND))
                .isEqualTo(1);
        assertThat(delta(before, after, "kit_timers_lateness_seconds_bucket", "kind", KIND, "le", "60"))
                .as("two minutes late is not within a minute")
                .isZero();
        assertThat(delta(before, after, "kit_timers_lateness_seconds_bucket", "kind", KIND, "le", "300"))
                .isEqualTo(1);
        assertThat(delta(before, after, "kit_timers_fired_total", "kind", KIND)).isEqualTo(1);
    }

    @Test
    void aTimerThatFailsEveryAttemptIsCountedDead() throws Exception {
        ScrapedMetrics before = ScrapedMetrics.scrape();
        OnVertx.await(() -> Panache.withTransaction(
                () -> timers.schedule(KIND, "dead-" + UUID.randomUUID(), clock.instant(), "fail")));
        for (int attempt = 0; attempt < 10; attempt++) { // kit.timers.max-attempts
            OnVertx.await(() -> worker.fireDue());
            clock.advance(Duration.ofDays(1));
        }

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertThat(delta(before, after, "kit_timers_failures_total", "kind", KIND))
                .isEqualTo(10);
        assertThat(delta(before, after, "kit_timers_dead_total", "kind", KIND)).isEqualTo(1);
    }

    private double sampled(String name, String... labels) throws Exception {
        return sampleAndScrape().value(name, labels);
    }

    private ScrapedMetrics sampleAndScrape() throws Exception {
        OnVertx.await(() -> sampler.sampleNow());
        return ScrapedMetrics.scrape();
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        return after.count(name, labels) - before.count(name, labels);
    }
}
