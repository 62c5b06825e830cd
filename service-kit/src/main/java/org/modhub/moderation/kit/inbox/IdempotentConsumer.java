package org.modhub.moderation.kit.inbox;

import java.util.Map;
import java.util.function.Function;

import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventDecodingException;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.tracing.Spans;
import org.modhub.moderation.kit.tracing.TraceContexts;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumer side of "no lost work". A service's {@code @Incoming} method hands each raw Kafka value
 * here with its handlers by event type. An event of a type it has no handler for is acknowledged
 * without touching the database: topics are shared, and most of a topic's events concern other
 * services (each report's {@code CaseOpened} used to cost reporting and appeals a transaction
 * each). For a handled type the event id is recorded in {@code kit_processed_event}
 * in the same transaction as the handler's changes, so a redelivered event changes nothing. A
 * failing handler is retried with backoff a bounded number of times; after that, or at once for a
 * {@link PoisonMessageException} or an event whose data does not fit its type, the returned Uni fails and the connector's dead-letter strategy
 * ({@code failure-strategy=dead-letter-queue}) moves the message aside with the reason, so the
 * partition moves on. A failure to reach the database (refused or lost connection, timeout) is
 * not the message's fault: it is retried with backoff until the database answers again, never
 * dead-lettered, so a PostgreSQL restart loses no event (found by the e2e fault test).
 *
 * <p>A handled event is applied inside a CONSUMER span, the child of the trace context the event was written in
 * ({@code traceparent}), made current while the handler runs: the events and mails it causes join the same trace, so
 * one trace follows a report from its request to its case and its mails.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private final EventCodec codec;
    private final KitConfig.Consumer config;
    private final ConsumerMeters meters;
    private final Spans spans;

    public IdempotentConsumer(EventCodec codec, KitConfig config, ConsumerMeters meters, Spans spans) {
        this.codec = codec;
        this.config = config.consumer();
        this.meters = meters;
        this.spans = spans;
    }

    /**
     * Applies the handler for its type to the event in {@code rawValue} once for {@code consumer}.
     *
     * @param consumer a stable name of the consuming logic, e.g. {@code review.reporting-events}
     * @param topic the topic the event was read from (the {@code topic} of {@code kit_consumer_dead_lettered_total} and
     *     {@code kit_consumer_poison_total}): an adapter takes it from the record's metadata, e.g. a second parameter
     *     {@code IncomingKafkaRecordMetadata<String, String>} of its {@code @Incoming} method
     * @param handlers by event type ({@code ReportFiled.TYPE}); other types are skipped
     * @return completes when the event was applied, had been applied before, or is not handled here
     */
    public Uni<Void> consume(
            String consumer, String topic, String rawValue, Map<String, Function<EventEnvelope, Uni<Void>>> handlers) {
        String from = topic == null ? "unknown" : topic;
        EventEnvelope envelope;
        try {
            envelope = codec.decode(rawValue);
        } catch (RuntimeException e) {
            meters.poison(from).increment();
            return Uni.createFrom().failure(new PoisonMessageException("Unreadable event: " + e.getMessage(), e));
        }
        Function<EventEnvelope, Uni<Void>> handler = handlers.get(envelope.type());
        if (handler == null) {
            Log.tracef("Event %s (%s) is not handled by %s; skipped", envelope.id(), envelope.type(), consumer);
            return Uni.createFrom().voidItem();
        }
        Context parent = TraceContexts.parentOf(envelope).orElseGet(Context::root);
        return spans.run(
                consumer + " process " + shortType(envelope.type()),
                SpanKind.CONSUMER,
                parent,
                Attributes.of(EVENT_ID, envelope.id(), EVENT_TYPE, envelope.type()),
                () -> applyWithRetries(consumer, from, envelope, handler));
    }

    /** {@code org.modhub.moderation.reporting.ReportFiled.v1} reads as {@code ReportFiled} in a span's name. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    private Uni<Void> applyWithRetries(
            String consumer, String from, EventEnvelope envelope, Function<EventEnvelope, Uni<Void>> handler) {
        return applyOnce(consumer, from, envelope, handler)
                // The database (or another dependency) is unreachable: not the message's fault, and
                // no other message could be applied either. Wait for it, however long, instead of
                // spending the attempts and dead-lettering good work during an outage or restart.
                .onFailure(IdempotentConsumer::isInfrastructureOutage)
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .indefinitely()
                .onFailure(failure -> !isPermanent(failure))
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(Math.max(0, config.maxAttempts() - 1))
                .onFailure()
                .invoke(failure -> {
                    meters.deadLettered(from).increment();
                    Log.errorf(
                            "Event %s (%s) could not be applied by %s and goes to the dead-letter topic: %s",
                            envelope.id(), envelope.type(), consumer, failure.toString());
                });
    }

    /**
     * Failures of the connection to a dependency rather than of the message: refused or lost
     * connections, timeouts, a pool closed by the service's own shutdown, and PostgreSQL's
     * connection-exception (08) and operator-intervention (57P) states.
     */
    static boolean isInfrastructureOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.modhub.moderation.kit.hub.HubUnavailableException) {
                return true;
            }
            if (t instanceof java.net.ConnectException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg
                    && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof io.vertx.core.VertxException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection")) {
                return true;
            }
            // The service is shutting down and closed its pool under an event in flight: left
            // unacknowledged, the event is delivered again after the restart (a bench run's
            // shutdown dead-lettered six good ReportFiled events this way).
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("pool closed")) {
                return true;
            }
        }
        return false;
    }

    /** Failures that no retry can mend: the event itself is unusable. */
    private static boolean isPermanent(Throwable failure) {
        return failure instanceof PoisonMessageException || failure instanceof EventDecodingException;
    }

    private Uni<Void> applyOnce(
            String consumer, String from, EventEnvelope envelope, Function<EventEnvelope, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO kit_processed_event (consumer, event_id, event_type) "
                                + "VALUES (:consumer, :id, :type) ON CONFLICT DO NOTHING")
                        .setParameter("consumer", consumer)
                        .setParameter("id", envelope.id())
                        .setParameter("type", envelope.type())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        meters.duplicates(from).increment();
                        Log.debugf("Event %s already applied by %s; skipped", envelope.id(), consumer);
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(envelope);
                }));
    }
}
