package org.modhub.moderation.kit.privacy;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every service's own line of the schedule: timers that fired, were cancelled or died are deleted once
 * {@code kit.privacy.retention.finished-timers} has passed since. Their keys and payloads can name a person (a
 * notifier's or appellant's reinstatement), and nothing reads a finished timer but an operator looking into a failure.
 * Pending timers are never touched.
 */
@ApplicationScoped
public class FinishedTimersRetention implements RetentionRule {

    @Override
    public String kind() {
        return "finished-timers";
    }

    @Override
    public String description() {
        return "timers that fired, were cancelled or died are deleted (their keys can name a person)";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM kit_timer WHERE id IN (SELECT id FROM kit_timer "
                                + "WHERE coalesce(fired_at, cancelled_at, dead_at) < :cutoff ORDER BY id LIMIT :limit "
                                + "FOR UPDATE SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
