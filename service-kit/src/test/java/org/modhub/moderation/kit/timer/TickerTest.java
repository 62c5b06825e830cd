package org.modhub.moderation.kit.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void aBurstOfWakesIsOneRoundAndTheNextWaitsForTheGap() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        ticker = Ticker.start(vertx, "test", () -> Duration.ofMinutes(1), Duration.ofMillis(300), () -> {
            starts.add(System.nanoTime());
            return Uni.createFrom().voidItem();
        });

        // Commits under load: many wakes, one round takes them all.
        for (int i = 0; i < 200; i++) {
            ticker.wake();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> starts.size() == 1);
        // More commits right after it: the next round waits until the gap since the last one has passed.
        for (int i = 0; i < 200; i++) {
            ticker.wake();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> starts.size() == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> starts.size() == 2);
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(290));
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
