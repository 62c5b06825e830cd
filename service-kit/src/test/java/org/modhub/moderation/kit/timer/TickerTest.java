package org.modhub.moderation.kit.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/** The loop behind the outbox relay and the mail lanes: slow while idle, at once when woken, batched under load. */
class TickerTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger rounds = new AtomicInteger();
    private Ticker ticker;

    @AfterEach
    void stop() {
        ticker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Uni<Void> round() {
        rounds.incrementAndGet();
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(5));
    }

    @Test
    void anIdleLoopWaitsItsPauseButAWakeRunsARoundAtOnce() {
        ticker = Ticker.start(vertx, "test", () -> Duration.ofMinutes(1), Duration.ofMillis(50), this::round);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 0);
        ticker.wake();
        await().atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 1);
    }

    @Test
    void aBurstOfWakesIsTakenInAFewRoundsAtMostOnePerGap() throws Exception {
        ticker = Ticker.start(vertx, "test", () -> Duration.ofMinutes(1), Duration.ofMillis(100), this::round);

        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            ticker.wake();
            Thread.sleep(1);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // The last wake is always answered by a round after it.
        await().atMost(Duration.ofSeconds(2)).until(() -> rounds.get() >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(rounds.get())
                .as("200 wakes over %d ms, rounds at least 100 ms apart", elapsedMillis)
                .isBetween(2, (int) (elapsedMillis / 100) + 2);
    }

    @Test
    void aWakeDuringARoundRunsAnotherAfterIt() {
        AtomicInteger calls = new AtomicInteger();
        ticker = Ticker.start(vertx, "test", () -> Duration.ofMinutes(1), Duration.ZERO, () -> {
            if (calls.incrementAndGet() == 1) {
                ticker.wake(); // a commit that landed while this round was looking
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50));
        });
        ticker.wake();
        await().atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 2);
    }
}
