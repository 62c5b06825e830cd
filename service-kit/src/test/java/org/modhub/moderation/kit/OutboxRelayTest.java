package org.modhub.moderation.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.outbox.OutboxRelay;
import org.modhub.moderation.kit.testapp.NoteService;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    NoteService notes;

    @Inject
    DataSource db;

    @Inject
    OutboxRelay relay;

    @Test
    void committedEventIsPublishedAndMarkedSent() throws Exception {
        UUID id = write("group-a", "hello", false);

        try (KafkaProbe probe = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(probe.poll()).anySatisfy(r -> {
                        assertThat(r.key()).isEqualTo("account:group-a");
                        assertThat(r.value()).contains(id.toString()).contains("\"specversion\":\"1.0\"");
                    }));
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(
                                db,
                                "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND sent_at IS NOT NULL",
                                "%" + id + "%"))
                        .isEqualTo(1));
    }

    @Test
    void rolledBackTransactionLeavesNoEvent() {
        assertThatThrownBy(() -> write("group-b", "never", true)).hasMessageContaining("on purpose");

        assertThat(count(db, "SELECT count(*) FROM kit_outbox WHERE message_key = 'account:group-b'"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM kit_test_note WHERE text = 'never'"))
                .isZero();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedInOrderWhenItReturns() throws Exception {
        String group = "outage-" + UUID.randomUUID();
        DevStack.shared().kafka().stop();
        List<UUID> written = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                written.add(write(group, "during outage " + i, false));
            }
            // The relay tried and failed: every row is still unsent, none lost.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(count(
                                    db,
                                    "SELECT count(*) FROM kit_outbox WHERE message_key = 'account:' || ? AND attempts > 0 AND last_error IS NOT NULL",
                                    group))
                            .isPositive());
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_outbox WHERE message_key = 'account:' || ? AND sent_at IS NULL",
                            group))
                    .isEqualTo(20);
        } finally {
            DevStack.shared().kafka().start();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(count(
                                db,
                                "SELECT count(*) FROM kit_outbox WHERE message_key = 'account:' || ? AND sent_at IS NULL",
                                group))
                        .isZero());
        try (KafkaProbe probe = KafkaProbe.from(Topics.REPORTING_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> order = new ArrayList<>();
                for (ConsumerRecord<String, String> r : probe.poll()) {
                    if (("account:" + group).equals(r.key())) {
                        written.stream()
                                .filter(id -> r.value().contains(id.toString()))
                                .findFirst()
                                .map(UUID::toString)
                                .filter(id -> !order.contains(id))
                                .ifPresent(order::add);
                    }
                }
                assertThat(order)
                        .containsExactlyElementsOf(
                                written.stream().map(UUID::toString).toList());
            });
        }
    }

    @Test
    void aCommitWakesTheRelaySoAnIdleRelayPublishesAtOnceNotAtItsNextPoll() throws Exception {
        // Idle: nothing published for longer than kit.outbox.idle-after (5 s), so the relay polls only every 30 s.
        await().atMost(Duration.ofSeconds(60)).until(() -> leaseHolder() == null);

        UUID id = write("wake", "woken", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent(id));
    }

    @Test
    void anIdleRelayHandsItsLeaseBackAndTakesItAgainForTheNextEvents() throws Exception {
        UUID before = write("lease-a", "before", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(before));
        // Busy for 5 s after its last event: the relay still holds the lease, and a stopping replica hands it back, so
        // a
        // successor need not wait for it to lapse.
        assertThat(handBack()).as("lease rows handed back").isEqualTo(1);
        UUID after = write("lease-b", "after", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(after));
        assertThat(leaseHolder())
                .as("the relay took the lease again to publish")
                .isNotNull();

        // Once idle, the relay hands the lease back by itself: another replica's commit is relayed by that replica.
        await().atMost(Duration.ofSeconds(30)).until(() -> leaseHolder() == null);
    }

    private String leaseHolder() throws Exception {
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT holder FROM kit_outbox_lease WHERE id = 1 AND expires_at > now()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private int handBack() throws Exception {
        return relay.handBackLease()
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private boolean sent(UUID id) {
        return count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND sent_at IS NOT NULL", "%" + id + "%")
                == 1;
    }

    private UUID write(String group, String text, boolean fail) throws Exception {
        return OnVertx.await(() -> notes.write(group, text, fail));
    }
}
