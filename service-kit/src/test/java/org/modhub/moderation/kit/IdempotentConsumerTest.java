package org.modhub.moderation.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.ScrapedMetrics;
import org.modhub.moderation.kit.testapp.TestEvents;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class IdempotentConsumerTest {

    private static final String CONSUMER = "kit-test.notes";
    private static final String POISON = "kit_consumer_poison_total";
    private static final String DEAD_LETTERED = "kit_consumer_dead_lettered_total";

    @Inject
    DataSource db;

    @Inject
    EventCodec codec;

    @Test
    void redeliveredEventChangesNothing() {
        String key = "dup-" + UUID.randomUUID();
        String event = encode(key, "applied once");
        String marker = encode(key, "marker after duplicates");

        KafkaProbe.send(Topics.REPORTING_EVENTS, key, event);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, event);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, event);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, marker);

        // Same key, same partition: once the marker is applied, the duplicates were handled.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(
                                db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "marker after duplicates"))
                        .isEqualTo(1));
        assertThat(count(db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "applied once"))
                .isEqualTo(1);
    }

    @Test
    void eventOfATypeWithoutHandlerIsSkippedWithoutTouchingTheDatabase() {
        String key = "other-type-" + UUID.randomUUID();
        String other = codec.encode(
                EventEnvelope.of("/kit-test", new NotifierReinstated("n-" + key, null, "kit test", Instant.now())));
        String otherId = codec.decode(other).id();
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, other);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, encode(key, "after other type " + key));

        // Same key, same partition: once the marker is applied, the other type was consumed before it.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(
                                db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "after other type " + key))
                        .isEqualTo(1));
        assertThat(count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", otherId))
                .as("no transaction recorded an event this consumer does not handle")
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM kit_processed_event WHERE event_type = ?", NotifierReinstated.TYPE))
                .isZero();
    }

    @Test
    void unreadableMessageGoesToDeadLetterTopicAndPartitionMovesOn() {
        String key = "poison-" + UUID.randomUUID();
        String poison = "{not json at all " + key;
        double poisoned = ScrapedMetrics.scrape().count(POISON, "topic", Topics.REPORTING_EVENTS);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, poison);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, encode(key, "after poison " + key));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(
                                db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "after poison " + key))
                        .isEqualTo(1));
        try (KafkaProbe dlq = KafkaProbe.from(Topics.REPORTING_DLQ)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
                        assertThat(r.value()).isEqualTo(poison);
                        assertThat(header(r.headers().lastHeader("dead-letter-reason")))
                                .contains("Unreadable event");
                    }));
        }
        assertThat(ScrapedMetrics.scrape().count(POISON, "topic", Topics.REPORTING_EVENTS))
                .as("what an operator sees: the topic the unreadable record came from")
                .isGreaterThanOrEqualTo(poisoned + 1);
    }

    @Test
    void handlerThatKeepsFailingIsRetriedThenDeadLetteredWithoutBlocking() {
        String key = "failing-" + UUID.randomUUID();
        String failing = encode(key, "fail");
        String failingId = codec.decode(failing).id();
        double deadLettered = ScrapedMetrics.scrape().count(DEAD_LETTERED, "topic", Topics.REPORTING_EVENTS);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, failing);
        KafkaProbe.send(Topics.REPORTING_EVENTS, key, encode(key, "after failure " + key));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count(
                                db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "after failure " + key))
                        .isEqualTo(1));
        try (KafkaProbe dlq = KafkaProbe.from(Topics.REPORTING_DLQ)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
                        assertThat(r.value()).contains(failingId);
                        assertThat(header(r.headers().lastHeader("dead-letter-reason")))
                                .contains("handler refuses note");
                    }));
        }
        assertThat(ScrapedMetrics.scrape().count(DEAD_LETTERED, "topic", Topics.REPORTING_EVENTS))
                .as("what an operator sees: the topic the dead-lettered event came from")
                .isGreaterThanOrEqualTo(deadLettered + 1);
        // The failed attempts rolled back: the event is not recorded as processed, so a replay from
        // the dead-letter topic after a fix would apply it.
        assertThat(count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", failingId))
                .isZero();
    }

    @Test
    void aSlowEventHoldsUpOnlyItsOwnPartition() {
        String slowKey = "slow-" + UUID.randomUUID();
        String otherKey = keyOnAnotherPartition(slowKey);
        String slowEvent = encode(slowKey, "slow");
        String slowId = codec.decode(slowEvent).id();
        KafkaProbe.send(Topics.REPORTING_EVENTS, slowKey, slowEvent);
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight(slowId));

        // With one consumer per channel this waited for the slow event; with kit.consumer.concurrency copies the
        // other partition's consumer applies it at once.
        KafkaProbe.send(Topics.REPORTING_EVENTS, otherKey, encode(otherKey, "beside slow " + otherKey));
        await().atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(count(
                                db, "SELECT count(*) FROM kit_test_applied WHERE text = ?", "beside slow " + otherKey))
                        .isEqualTo(1));
        assertThat(count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", slowId))
                .as("the slow event is still being applied")
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", slowId))
                        .isEqualTo(1));
    }

    /** Whether a transaction applying the event is open: its insert into kit_processed_event waits uncommitted. */
    private boolean inFlight(String eventId) {
        return count(
                                db,
                                "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database() "
                                        + "AND query ILIKE 'INSERT INTO kit_processed_event%'")
                        > 0
                && count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", eventId) == 0;
    }

    /** A key the default partitioner puts on another partition of {@code reporting.events} than {@code key}. */
    private static String keyOnAnotherPartition(String key) {
        int partitions = org.modhub.moderation.devstack.DevStackDefaults.EVENT_TOPIC_PARTITIONS;
        for (int i = 0; ; i++) {
            String candidate = key + "-other-" + i;
            if (partition(candidate, partitions) != partition(key, partitions)) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                        org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % partitions;
    }

    private String encode(String key, String text) {
        return codec.encode(EventEnvelope.of("/kit-test", TestEvents.note(UUID.randomUUID(), key, text)));
    }

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
