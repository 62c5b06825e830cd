package org.modhub.moderation.kit.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.modhub.moderation.kit.config.KitConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Fires due timers. Each timer is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, its handler runs in that transaction, and the same transaction marks it fired: any
 * number of replicas fire each timer exactly once, and a crash mid-way rolls the claim back so
 * the timer fires after restart. A failing handler's timer is retried later, and parked as dead
 * after {@code kit.timers.max-attempts}.
 */
@ApplicationScoped
public class TimerWorker {

    private static final String ANY_DUE = "SELECT 1 FROM kit_timer WHERE fired_at IS NULL AND cancelled_at IS NULL "
            + "AND dead_at IS NULL AND due_at <= $1 AND kind = ANY($2) LIMIT 1";

    private final Map<String, TimerHandler> handlers = new HashMap<>();
    private final String[] kinds;
    private final Pool pool;
    private final KitConfig.Timers config;
    private final Clock clock;
    private final TimerMeters meters;

    public TimerWorker(
            @Any Instance<TimerHandler> handlers, KitConfig config, Clock clock, TimerMeters meters, Pool pool) {
        for (TimerHandler handler : handlers) {
            TimerHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two timer handlers for kind " + handler.kind());
            }
        }
        this.kinds = this.handlers.keySet().toArray(String[]::new);
        this.pool = pool;
        this.config = config.timers();
        this.clock = clock;
        this.meters = meters;
    }

    /** The kinds this replica fires: those with a handler. */
    public java.util.Set<String> kinds() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    @Scheduled(
            every = "${kit.timers.poll-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, // no rounds while the pools shut down
            identity = "kit-timer-worker")
    Uni<Void> tick() {
        if (!config.enabled() || handlers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return fireDueIfAny().replaceWithVoid();
    }

    /**
     * A scheduled round: most find nothing due, so first one read on the bare pool (the index on due_at), and only
     * when a timer is due a Hibernate session and claiming transactions, as the outbox relay does: an idle service
     * costs one index probe every kit.timers.poll-every (5 s).
     *
     * @return how many timers were fired
     */
    public Uni<Integer> fireDueIfAny() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.createFrom()
                .completionStage(() -> pool.preparedQuery(ANY_DUE)
                        .execute(Tuple.of(now).addArrayOfString(kinds))
                        .toCompletionStage())
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : fireDue());
    }

    /**
     * Fires timers due by the clock's now, one transaction each, until none is left or a batch
     * is done.
     *
     * @return how many timers were fired
     */
    public Uni<Integer> fireDue() {
        return fireFrom(0, 0);
    }

    private Uni<Integer> fireFrom(int round, int fired) {
        if (round >= config.batchSize()) {
            return Uni.createFrom().item(fired);
        }
        return fireNext()
                .chain(outcome -> outcome == Outcome.NONE_DUE
                        ? Uni.createFrom().item(fired)
                        : fireFrom(round + 1, outcome == Outcome.FIRED ? fired + 1 : fired));
    }

    private enum Outcome {
        FIRED,
        FAILED,
        NONE_DUE
    }

    /** Claims and fires one due timer. */
    Uni<Outcome> fireNext() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        AtomicReference<DueTimer> claimed = new AtomicReference<>();
        return Panache.withTransaction(() -> claimDue(now).chain(timer -> {
                    if (timer == null) {
                        return Uni.createFrom().item(Outcome.NONE_DUE);
                    }
                    claimed.set(timer);
                    return handlers.get(timer.kind())
                            .fire(timer)
                            .chain(() -> Panache.getSession()
                                    .chain(s -> s.createNativeQuery(
                                                    "UPDATE kit_timer SET fired_at = :now, attempts = attempts + 1 WHERE id = :id")
                                            .setParameter("now", now)
                                            .setParameter("id", timer.id())
                                            .executeUpdate()))
                            .invoke(() -> fired(timer, now))
                            .replaceWith(Outcome.FIRED);
                }))
                .onFailure()
                .recoverWithUni(failure -> claimed.get() == null
                        ? Uni.createFrom().failure(failure)
                        : recordFailure(claimed.get().id(), now, failure));
    }

    /**
     * Counts the firing and records its lateness ({@code kit_timers_lateness_seconds{kind}}): from the due time to the
     * firing by the service clock, in buckets an alert can name (a legal clock counts in days; the worker looks every
     * few seconds).
     */
    private void fired(DueTimer timer, OffsetDateTime now) {
        meters.fired(timer.kind()).increment();
        Duration lateness = Duration.between(timer.dueAt(), now.toInstant());
        meters.lateness(timer.kind()).record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    @SuppressWarnings("unchecked")
    private Uni<DueTimer> claimDue(OffsetDateTime now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id, kind, timer_key, due_at, payload, attempts FROM kit_timer "
                                        + "WHERE fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL "
                                        + "AND due_at <= :now AND kind IN (:kinds) "
                                        + "ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                                Object[].class)
                        .setParameter("now", now)
                        .setParameter("kinds", List.copyOf(handlers.keySet()))
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : toTimer(rows.get(0)));
    }

    @SuppressWarnings("unchecked")
    private Uni<DueTimer> claimById(long id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id, kind, timer_key, due_at, payload, attempts FROM kit_timer "
                                        + "WHERE id = :id AND fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL "
                                        + "FOR UPDATE SKIP LOCKED",
                                Object[].class)
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : toTimer(rows.get(0)));
    }

    private static DueTimer toTimer(Object[] r) {
        return new DueTimer(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                ((OffsetDateTime) r[3]).toInstant(),
                (String) r[4],
                ((Number) r[5]).intValue());
    }

    /**
     * The handler failed and its transaction rolled back; claim that timer again and push it
     * back, or park it as dead. If another replica holds or fired it meanwhile, leave it be.
     */
    private Uni<Outcome> recordFailure(long id, OffsetDateTime now, Throwable failure) {
        return Panache.withTransaction(() -> claimById(id).chain(timer -> {
            if (timer == null) {
                return Uni.createFrom().item(Outcome.FAILED);
            }
            meters.failures(timer.kind()).increment();
            int attempts = timer.attempts() + 1;
            String error = failure.toString();
            boolean dead = attempts >= config.maxAttempts();
            OffsetDateTime retryAt = now.plus(config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
            if (dead) {
                meters.dead(timer.kind()).increment();
                Log.errorf(
                        "Timer %s/%s failed %d times and is parked as dead: %s",
                        timer.kind(), timer.key(), attempts, error);
            } else {
                Log.warnf(
                        "Timer %s/%s failed (attempt %d), retrying at %s: %s",
                        timer.kind(), timer.key(), attempts, retryAt, error);
            }
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery(
                                    dead
                                            ? "UPDATE kit_timer SET dead_at = :at, attempts = :attempts, last_error = :error WHERE id = :id"
                                            : "UPDATE kit_timer SET due_at = :at, attempts = :attempts, last_error = :error WHERE id = :id")
                            .setParameter("at", dead ? now : retryAt)
                            .setParameter("attempts", attempts)
                            .setParameter("error", truncate(error))
                            .setParameter("id", timer.id())
                            .executeUpdate())
                    .replaceWith(Outcome.FAILED);
        }));
    }

    private static String truncate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
