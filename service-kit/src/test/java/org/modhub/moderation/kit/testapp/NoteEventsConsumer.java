package org.modhub.moderation.kit.testapp;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.kit.inbox.IdempotentConsumer;
import org.modhub.moderation.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the test notes' events; a note whose text is "fail" always fails, to reach the dead-letter topic, and one whose
 * text is "slow" takes six seconds, and one whose text is "echo" writes a note "echo of &lt;id&gt;" to {@code review.events}
 * through the outbox (what a consumer causes). Other event types are not handled here.
 */
@ApplicationScoped
public class NoteEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventCodec codec;
    private final Outbox outbox;

    public NoteEventsConsumer(IdempotentConsumer consumer, EventCodec codec, Outbox outbox) {
        this.consumer = consumer;
        this.codec = codec;
        this.outbox = outbox;
    }

    @Incoming("kit-test-in")
    public Uni<Void> onEvent(String value, IncomingKafkaRecordMetadata<String, String> record) {
        return consumer.consume("kit-test.notes", record.getTopic(), value, Map.of(ReportWithdrawn.TYPE, envelope -> {
            ReportWithdrawn note = codec.data(envelope, ReportWithdrawn.class);
            if ("fail".equals(note.reason())) {
                return Uni.createFrom().failure(new IllegalStateException("handler refuses note " + note.reportId()));
            }
            if ("echo".equals(note.reason())) {
                return outbox.publish(
                                Topics.REVIEW_EVENTS,
                                "/kit-test",
                                TestEvents.note(UUID.randomUUID(), "echo", "echo of " + note.reportId()))
                        .replaceWithVoid();
            }
            // A slow handler (a long query, a slow dependency): holds up its own partition only.
            Uni<Void> pause = "slow".equals(note.reason())
                    ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(6))
                    : Uni.createFrom().voidItem();
            return pause.chain(() -> Panache.getSession())
                    .chain(s -> s.createNativeQuery("INSERT INTO kit_test_applied (event_id, text) VALUES (:id, :text)")
                            .setParameter("id", envelope.id())
                            .setParameter("text", note.reason())
                            .executeUpdate())
                    .replaceWithVoid();
        }));
    }
}
