package org.modhub.moderation.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.testapp.MutableClock;
import org.modhub.moderation.kit.testapp.TestTimerHandler;
import org.modhub.moderation.kit.timer.TimerWorker;
import org.modhub.moderation.kit.timer.Timers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;

@QuarkusTest
class TimerWorkerTest {

    @Inject
    Timers timers;

    @Inject
    TimerWorker worker;

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @Test
    void twoWorkersNeverFireTheSameTimer() throws Exception {
        String prefix = "race-" + UUID.randomUUID() + "-";
        Instant past = clock.instant().minusSeconds(60);
        schedule(prefix, 60, past, null);
        schedule(prefix + "future-", 5, clock.instant().plus(Duration.ofDays(1)), null);
        schedule(prefix + "cancelled-", 1, past, null);
        OnVertx.await(
                () -> Panache.withTransaction(() -> timers.cancel(TestTimerHandler.KIND, prefix + "cancelled-0")));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(this::fireDue);
            Future<Integer> b = pool.submit(this::fireDue);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }

        List<List<Object>> fired = rows(
                db,
                "SELECT timer_key, count(*) FROM kit_test_fired WHERE timer_key LIKE ? GROUP BY timer_key",
                prefix + "%");
        assertThat(fired).hasSize(60);
        assertThat(fired)
                .allSatisfy(row -> assertThat(((Number) row.get(1)).intValue()).isEqualTo(1));
        assertThat(fired).noneSatisfy(row -> assertThat((String) row.get(0)).contains("future-"));
        assertThat(fired).noneSatisfy(row -> assertThat((String) row.get(0)).contains("cancelled-"));
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE timer_key LIKE ? AND fired_at IS NOT NULL",
                        prefix + "%"))
                .isEqualTo(60);
    }

    @Test
    void failingTimerIsRetriedLaterAndFiresOnce() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        OnVertx.await(() -> Panache.withTransaction(() ->
                timers.schedule(TestTimerHandler.KIND, key, clock.instant().minusSeconds(1), "fail-once")));

        fireDue();
        assertThat(count(db, "SELECT count(*) FROM kit_test_fired WHERE timer_key = ?", key))
                .isZero();
        assertThat(rows(db, "SELECT attempts, last_error FROM kit_timer WHERE timer_key = ?", key)
                        .get(0))
                .satisfies(row -> {
                    assertThat(((Number) row.get(0)).intValue()).isEqualTo(1);
                    assertThat((String) row.get(1)).contains("first attempt fails");
                });

        // Not due again until the backoff has passed.
        fireDue();
        assertThat(count(db, "SELECT count(*) FROM kit_test_fired WHERE timer_key = ?", key))
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        fireDue();
        fireDue();
        assertThat(count(db, "SELECT count(*) FROM kit_test_fired WHERE timer_key = ?", key))
                .isEqualTo(1);
    }

    @Test
    void reschedulingMovesThePendingTimerInsteadOfAddingOne() throws Exception {
        String key = "move-" + UUID.randomUUID();
        Instant later = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OnVertx.await(() -> Panache.withTransaction(() -> timers.schedule(
                        TestTimerHandler.KIND, key, clock.instant().plus(Duration.ofHours(1)), null)
                .chain(() -> timers.schedule(TestTimerHandler.KIND, key, later, null))));

        assertThat(count(db, "SELECT count(*) FROM kit_timer WHERE timer_key = ?", key))
                .isEqualTo(1);
        assertThat(count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE timer_key = ? AND due_at = ?",
                        key,
                        java.sql.Timestamp.from(later)))
                .isEqualTo(1);
    }

    @Test
    void aScheduledRoundLooksFirstAndFiresOnlyWhatIsDue() throws Exception {
        String prefix = "round-" + UUID.randomUUID() + "-";
        schedule(prefix + "due-", 2, clock.instant().minusSeconds(5), null);
        schedule(prefix + "later-", 1, clock.instant().plus(Duration.ofHours(1)), null);

        assertThat(OnVertx.await(worker::fireDueIfAny)).isGreaterThanOrEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM kit_test_fired WHERE timer_key LIKE ?", prefix + "due-%"))
                .isEqualTo(2);
        assertThat(OnVertx.await(worker::fireDueIfAny))
                .as("nothing due: nothing fired")
                .isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(OnVertx.await(worker::fireDueIfAny)).isGreaterThanOrEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM kit_test_fired WHERE timer_key = ?", prefix + "later-0"))
                .isEqualTo(1);
    }

    private Integer fireDue() throws Exception {
        return OnVertx.await(worker::fireDue);
    }

    private void schedule(String prefix, int n, Instant due, String payload) throws Exception {
        OnVertx.await(() -> Panache.withTransaction(() -> Multi.createFrom()
                .range(0, n)
                .onItem()
                .transformToUniAndConcatenate(i -> timers.schedule(TestTimerHandler.KIND, prefix + i, due, payload))
                .collect()
                .last()));
    }
}
