package org.modhub.moderation.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.timer.Ticker;
import org.modhub.moderation.kit.tracing.TraceContexts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes committed outbox rows to Kafka and marks them sent once the broker acknowledged them
 * (acks=all). One replica at a time holds the relay lease, so events of one key leave in the
 * order they were written. While Kafka is unreachable the relay backs off and retries; rows stay
 * unsent until acknowledged, so a crash at any point re-sends at most a batch, which consumers
 * deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel the relay publishes through; each message names its own topic. */
    public static final String CHANNEL = "kit-outbox";

    private static final Duration MIN_GAP = Duration.ofMillis(50);

    private static final String ANY_UNSENT = "SELECT 1 FROM kit_outbox WHERE sent_at IS NULL LIMIT 1";

    private final KitConfig.Outbox config;
    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final String replicaId = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();

    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration backoff;
    private volatile long busyUntil = System.nanoTime();
    private volatile boolean holdsLease;
    private volatile Ticker ticker;

    public OutboxRelay(
            KitConfig config,
            Pool pool,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                    MutinyEmitter<String> emitter,
            Clock clock,
            MeterRegistry registry) {
        this.config = config.outbox();
        this.pool = pool;
        this.emitter = emitter;
        this.clock = clock;
        this.backoff = this.config.initialBackoff();
        this.published = registry.counter("kit.outbox.published");
        this.failures = registry.counter("kit.outbox.publish.failures");
        Gauge.builder("kit.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka, as of the last relay round")
                .register(registry);
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        // Woken rounds at most every 50 ms: under load a round takes the rows of several commits, not one each.
        ticker = Ticker.start(vertx, "Outbox relay", this::pause, MIN_GAP, this::tick);
    }

    /** A commit wrote outbox rows: relay them now, and look often for a while. */
    public void wake() {
        busy();
        Ticker running = ticker;
        if (running != null) {
            running.wake();
        }
    }

    private void busy() {
        busyUntil = System.nanoTime() + config.idleAfter().toNanos();
    }

    private boolean isBusy() {
        return System.nanoTime() - busyUntil < 0;
    }

    /** Fast while busy; an idle relay costs one index probe every kit.outbox.idle-poll-every (5 s). */
    private Duration pause() {
        return isBusy() ? config.pollEvery() : config.idlePollEvery();
    }

    /** No rounds while the pools shut down; the lease goes back, so a successor (a rolling update) relays at once. */
    void stop(@Observes ShutdownEvent stopping) {
        if (ticker != null) {
            ticker.close();
        }
        try {
            handBackLease().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            Log.debugf("Outbox relay lease not handed back (it lapses on its own): %s", e.toString());
        }
    }

    /** Gives up the relay lease if this replica holds it (then completes with 1, else 0); any replica may take it next. */
    public io.vertx.core.Future<Integer> handBackLease() {
        return pool.preparedQuery(
                        "UPDATE kit_outbox_lease SET holder = NULL, expires_at = 'epoch' WHERE id = 1 AND holder = $1")
                .execute(Tuple.of(replicaId))
                .map(io.vertx.sqlclient.SqlResult::rowCount)
                .onSuccess(handedBack -> holdsLease = false);
    }

    Uni<Void> tick() {
        if (!config.enabled() || clock.instant().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        // Most rounds find nothing: ask with one read on the bare pool (the partial index of unsent rows) before a
        // Hibernate session, a transaction and the lease's write, so an idle service no longer sends PostgreSQL ten
        // write transactions a second.
        return Uni.createFrom()
                .completionStage(() -> pool.query(ANY_UNSENT).execute().toCompletionStage())
                .chain(rows -> rows.size() == 0 ? idle() : relayOnce().invoke(this::afterRelaying))
                .replaceWithVoid();
    }

    private void afterRelaying(int sent) {
        busy(); // unsent rows exist (perhaps waiting for Kafka, or for another replica's lease): keep looking often
        if (sent == config.batchSize()) {
            wake(); // a full batch: more may be waiting
        }
    }

    /**
     * Nothing to send. Once idle, the lease goes back, so another replica's commit is relayed by that replica at once
     * rather than at this one's next idle poll.
     */
    private Uni<?> idle() {
        if (!holdsLease || isBusy()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> handBackLease().toCompletionStage());
    }

    /**
     * One round: take the lease, publish up to a batch of unsent rows in order, mark the
     * acknowledged ones sent.
     *
     * @return how many rows were marked sent
     */
    public Uni<Integer> relayOnce() {
        return Panache.withTransaction(() -> acquireLease()
                        .chain(held -> held ? loadBatch() : Uni.createFrom().item(List.<Row>of())))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publishAndMark(rows));
    }

    private Uni<Boolean> acquireLease() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE kit_outbox_lease SET holder = :me, expires_at = :until "
                                + "WHERE id = 1 AND (holder = :me OR holder IS NULL OR expires_at < :now)")
                        .setParameter("me", replicaId)
                        .setParameter("until", now.plus(config.leaseDuration()))
                        .setParameter("now", now)
                        .executeUpdate())
                .map(updated -> updated == 1)
                .invoke(held -> holdsLease = held);
    }

    @SuppressWarnings("unchecked")
    private Uni<List<Row>> loadBatch() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id, topic, message_key, payload FROM kit_outbox WHERE sent_at IS NULL ORDER BY id LIMIT :n",
                                Object[].class)
                        .setParameter("n", config.batchSize())
                        .getResultList())
                .map(list -> {
                    List<Row> rows = new ArrayList<>(list.size());
                    for (Object[] r : list) {
                        rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
                    }
                    return rows;
                });
    }

    private Uni<Integer> publishAndMark(List<Row> rows) {
        // Keys go out in parallel; within a key each event waits for the previous one's ack, so a
        // later event can never overtake an earlier one that failed (a send may fail on its own,
        // e.g. on a metadata timeout, while the next one succeeds).
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        for (Row row : rows) {
            byKey.computeIfAbsent(row.key() == null ? "" : row.key(), k -> new ArrayList<>())
                    .add(row);
        }
        List<Uni<KeyResult>> perKey = new ArrayList<>(byKey.size());
        for (List<Row> keyRows : byKey.values()) {
            perKey.add(sendInOrder(keyRows, 0, new ArrayList<>()));
        }
        return Uni.join().all(perKey).andFailFast().chain(results -> {
            List<Long> sent = new ArrayList<>();
            List<KeyResult> failed = new ArrayList<>();
            for (KeyResult result : results) {
                sent.addAll(result.sent());
                if (result.failedId() != null) {
                    failed.add(result);
                }
            }
            String error = failed.isEmpty() ? null : failed.get(0).error();
            return Panache.withTransaction(() -> markSent(sent).chain(() -> markFailed(failed)))
                    .invoke(() -> afterRound(sent.size(), rows.size(), error))
                    .replaceWith(sent.size());
        });
    }

    /** Sends a key's rows one after another, stopping at the first failure. */
    private Uni<KeyResult> sendInOrder(List<Row> keyRows, int index, List<Long> sent) {
        if (index == keyRows.size()) {
            return Uni.createFrom().item(new KeyResult(sent, null, null));
        }
        Row row = keyRows.get(index);
        return send(row)
                .onItem()
                .transformToUni(ignored -> {
                    sent.add(row.id());
                    return sendInOrder(keyRows, index + 1, sent);
                })
                .onFailure()
                .recoverWithItem(failure -> new KeyResult(sent, row.id(), failure.toString()));
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        Message<String> message = Message.of(row.payload()).addMetadata(metadata);
        // The connector's producer span (and the traceparent header it writes) continues the trace the event was
        // written in, not a new one per relay round.
        message = TraceContexts.parentOf(TraceContexts.traceparentIn(row.payload()), null)
                .map(TracingMetadata::withCurrent)
                .map(message::addMetadata)
                .orElse(message);
        return emitter.sendMessage(message);
    }

    private Uni<Void> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE kit_outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id IN (:ids)")
                        .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .setParameter("ids", ids)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(List<KeyResult> failed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KeyResult result : failed) {
            String error = result.error().length() > 2000 ? result.error().substring(0, 2000) : result.error();
            chain = chain.chain(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(
                                    "UPDATE kit_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                            .setParameter("error", error)
                            .setParameter("id", result.failedId())
                            .executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }

    private void afterRound(int sentCount, int batchCount, String error) {
        published.increment(sentCount);
        pending.set(batchCount - sentCount);
        if (error == null) {
            backoff = config.initialBackoff();
            pausedUntil = Instant.EPOCH;
            return;
        }
        failures.increment();
        Log.warnf(
                "Outbox relay: %d of %d rows published; pausing %s before retrying: %s",
                sentCount, batchCount, backoff, error);
        pausedUntil = clock.instant().plus(backoff);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    /** Deletes rows published longer ago than the retention period. */
    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, // no rounds while the pools shut down
            identity = "kit-outbox-cleanup")
    Uni<Void> purgePublished() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("DELETE FROM kit_outbox WHERE sent_at < :cutoff")
                                .setParameter("cutoff", cutoff)
                                .executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Outbox: purged %d published rows", n);
                    }
                })
                .replaceWithVoid();
    }

    private record Row(long id, String topic, String key, String payload) {}

    /** What happened to one key's rows in a round: those acknowledged, and the one that failed. */
    private record KeyResult(List<Long> sent, Long failedId, String error) {}
}
