package org.modhub.moderation.appeals.privacy;

import java.time.Clock;
import java.time.Instant;

import org.modhub.moderation.appeals.domain.AppellantStandingService;
import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code appellant-standing}: an appellant's standing row goes the period after its last change (a filing, a finding, a
 * warning, a suspension or its end), unless a suspension is in force (DSA Art. 23(2)). In the same statement the
 * ladder's steps about that appellant ({@code appellant_sanction}, counted in the Art. 24(1)(b) figures) and their
 * finished reinstatement timers keep only {@value ResolvedAppealsRetention#EXPIRED_REF} in place of the key.
 */
@ApplicationScoped
public class AppellantStandingRetention implements RetentionRule {

    private final Clock clock;

    public AppellantStandingRetention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "appellant-standing";
    }

    @Override
    public String description() {
        return "Appellants' standing with no suspension in force: deleted after the period from its last change; the "
                + "ladder's steps about them stay for the figures, without the appellant";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "WITH gone AS (DELETE FROM appellant_standing WHERE appellant_key IN ("
                                        + "SELECT appellant_key FROM appellant_standing WHERE updated_at < :cutoff "
                                        + "AND (suspended_until IS NULL OR suspended_until <= :now) "
                                        + "ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING appellant_key), "
                                        + "steps AS (UPDATE appellant_sanction SET appellant_key = :ref "
                                        + "WHERE appellant_key IN (SELECT appellant_key FROM gone) RETURNING id), "
                                        + "timers AS (UPDATE kit_timer SET timer_key = :ref WHERE kind = :timer "
                                        + "AND timer_key IN (SELECT appellant_key FROM gone) RETURNING id) "
                                        + "SELECT count(*) FROM gone",
                                Long.class)
                        .setParameter("cutoff", cutoff)
                        .setParameter("now", clock.instant())
                        .setParameter("limit", limit)
                        .setParameter("ref", ResolvedAppealsRetention.EXPIRED_REF)
                        .setParameter("timer", AppellantStandingService.REINSTATE_TIMER)
                        .getSingleResult())
                .map(Long::intValue);
    }
}
