package org.modhub.moderation.kit.outbox;

import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.kit.timer.AfterCommit;
import org.modhub.moderation.kit.tracing.TraceContexts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Producer side of "no lost work": an event is written to {@code kit_outbox} in the caller's
 * transaction, so it exists if and only if the state change it announces was committed.
 * {@link OutboxRelay} publishes it afterwards. The event carries the trace context current when it was written
 * (CloudEvents {@code traceparent}), so the work it causes elsewhere, later, joins the same trace.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final OutboxRelay relay;

    public Outbox(EventCodec codec, OutboxRelay relay) {
        this.codec = codec;
        this.relay = relay;
    }

    /**
     * Wraps the payload in a CloudEvent from {@code source} and queues it for {@code topic}, keyed
     * by the payload's partition key (its subject, by default) so all events about one subject
     * stay in order.
     *
     * @return the queued envelope (its id is the CloudEvent id consumers deduplicate on)
     */
    public Uni<EventEnvelope> publish(String topic, String source, EventPayload payload) {
        EventEnvelope envelope = TraceContexts.stamp(EventEnvelope.of(source, payload));
        return enqueue(topic, envelope.partitionkey(), envelope.id(), codec.encode(envelope))
                .replaceWith(envelope);
    }

    /** Queues an already encoded message. Must run inside the caller's open transaction. */
    public Uni<Void> enqueue(String topic, String key, String eventId, String json) {
        return Panache.currentTransaction()
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException(
                        "Outbox writes must join the caller's transaction (use @WithTransaction)"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO kit_outbox (event_id, topic, message_key, payload) VALUES (:id, :topic, :key, :payload)")
                        .setParameter("id", eventId)
                        .setParameter("topic", topic)
                        .setParameter("key", key)
                        .setParameter("payload", json)
                        .executeUpdate())
                // The relay learns of the row when it is committed, not at its next poll.
                .chain(() -> AfterCommit.run(relay::wake));
    }
}
