package org.modhub.moderation.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.modhub.moderation.kit.config.KitConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final KitConfig.Outbox config;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final String replicaId = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();

    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration backoff;

    public OutboxRelay(KitConfig config,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter,
            Clock clock,
            MeterRegistry registry) {
        this.config = config.outbox();
        this.emitter = emitter;
        this.clock = clock;
        this.backoff = this.config.initialBackoff();
        this.published = registry.counter("kit.outbox.published");
        this.failures = registry.counter("kit.outbox.publish.failures");
        Gauge.builder("kit.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka, as of the last relay round")
                .register(registry);
    }

    @Scheduled(every = "${kit.outbox.poll-every:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "kit-outbox-relay")
    Uni<Void> tick() {
        if (!config.enabled() || clock.instant().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        return relayOnce().replaceWithVoid();
    }

    /**
     * One round: take the lease, publish up to a batch of unsent rows in order, mark the
     * acknowledged ones sent.
     *
     * @return how many rows were marked sent
     */
    public Uni<Integer> relayOnce() {
        return Panache.withTransaction(() -> acquireLease().chain(held -> held ? loadBatch() : Uni.createFrom().item(List.<Row>of())))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publishAndMark(rows));
    }

    private Uni<Boolean> acquireLease() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE kit_outbox_lease SET holder = :me, expires_at = :until "
                        + "WHERE id = 1 AND (holder = :me OR holder IS NULL OR expires_at < :now)")
                .setParameter("me", replicaId)
                .setParameter("until", now.plus(config.leaseDuration()))
                .setParameter("now", now)
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    @SuppressWarnings("unchecked")
    private Uni<List<Row>> loadBatch() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
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
        List<Uni<String>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(send(row).onItem().transform(ignored -> (String) null)
                    .onFailure().recoverWithItem(Throwable::toString));
        }
        // All sends start at once (the producer keeps their order per partition); wait for every ack.
        return Uni.join().all(sends).andFailFast().chain(errors -> {
            // Rows up to the first failure are sent; from there on everything stays for the next
            // round, so a key's events are never first delivered out of order.
            List<Long> sent = new ArrayList<>();
            int firstFailure = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (errors.get(i) != null) {
                    firstFailure = i;
                    break;
                }
                sent.add(rows.get(i).id());
            }
            String error = firstFailure >= 0 ? errors.get(firstFailure) : null;
            Long failedId = firstFailure >= 0 ? rows.get(firstFailure).id() : null;
            return Panache.withTransaction(() -> markSent(sent).chain(() -> markFailed(failedId, error)))
                    .invoke(() -> afterRound(sent.size(), rows.size(), error));
        }).replaceWith(() -> rows.size());
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata));
    }

    private Uni<Void> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE kit_outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id IN (:ids)")
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> markFailed(Long id, String error) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE kit_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .setParameter("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter("id", id)
                .executeUpdate()).replaceWithVoid();
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
        Log.warnf("Outbox relay: %d of %d rows published; pausing %s before retrying: %s", sentCount, batchCount, backoff, error);
        pausedUntil = clock.instant().plus(backoff);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    /** Deletes rows published longer ago than the retention period. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "kit-outbox-cleanup")
    Uni<Void> purgePublished() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM kit_outbox WHERE sent_at < :cutoff").setParameter("cutoff", cutoff).executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Outbox: purged %d published rows", n);
                    }
                })
                .replaceWithVoid();
    }

    private record Row(long id, String topic, String key, String payload) {
    }
}
