package org.modhub.moderation.reporting.privacy;

import java.time.Clock;
import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notifier-standing}: a notifier's standing row (counts, warnings, suspensions, mutes; DSA Art. 23) is deleted
 * once it has not changed for the period — every filing and every measure changes it — unless a suspension or a mute
 * is still in force, or the notifier is a trusted flagger (DSA Art. 22: the status lasts until an admin ends it, which
 * changes the row, and the period runs from then). A notifier who files again starts afresh.
 */
@ApplicationScoped
public class NotifierStandingRetention implements RetentionRule {

    private final Clock clock;

    public NotifierStandingRetention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "notifier-standing";
    }

    @Override
    public String description() {
        return "Notifier standing rows unchanged since the cutoff are deleted, unless a suspension or mute is in force "
                + "or the notifier is a trusted flagger";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM notifier_standing WHERE notifier_key IN ("
                                + "SELECT notifier_key FROM notifier_standing WHERE updated_at < :cutoff "
                                + "AND NOT trusted_flagger "
                                + "AND (suspended_until IS NULL OR suspended_until <= :now) "
                                + "AND (muted_until IS NULL OR muted_until <= :now) "
                                + "ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("now", clock.instant())
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
