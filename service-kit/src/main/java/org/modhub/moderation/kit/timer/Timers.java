package org.modhub.moderation.kit.timer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Schedules due-time timers (restoration clock, owner deadlines, SLA escalation, suspension
 * expiry) as rows in the caller's transaction, so a timer exists exactly when the state that
 * needs it was committed, and survives restarts.
 */
@ApplicationScoped
public class Timers {

    /** Schedules, or moves if already pending, the timer of {@code kind} for {@code key}. */
    public Uni<Void> schedule(String kind, String key, Instant dueAt, String payload) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO kit_timer (kind, timer_key, due_at, payload) VALUES (:kind, :key, :due, :payload) "
                                        + "ON CONFLICT (kind, timer_key) WHERE fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL "
                                        + "DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, attempts = 0, last_error = NULL")
                        .setParameter("kind", kind)
                        .setParameter("key", key)
                        .setParameter("due", OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC))
                        .setParameter("payload", payload)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Cancels the pending timer of {@code kind} for {@code key}; true if there was one. */
    public Uni<Boolean> cancel(String kind, String key) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE kit_timer SET cancelled_at = now() WHERE kind = :kind AND timer_key = :key "
                                        + "AND fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL")
                        .setParameter("kind", kind)
                        .setParameter("key", key)
                        .executeUpdate())
                .map(n -> n > 0);
    }
}
