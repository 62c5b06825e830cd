package org.modhub.moderation.appeals.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code disputes}: a dispute record (DSA Art. 21) stays for the Art. 24(1)(a) figures, which count body, dates,
 * outcome and implementation; its free-text notes, which may tell of the person, go the period after it was settled.
 * A pending dispute keeps them. (Its appeal lost its appellant long before, under {@code resolved-appeals}.)
 */
@ApplicationScoped
public class DisputesRetention implements RetentionRule {

    private final Clock clock;

    public DisputesRetention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "disputes";
    }

    @Override
    public String description() {
        return "Out-of-court dispute records: notes removed after the period from settlement; body, dates and outcome "
                + "stay for the figures";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        // settled_on is a day: a dispute settled on the cutoff's own day is not yet a full period old.
        LocalDate before = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE dispute SET notes = NULL, updated_at = :now WHERE id IN ("
                                + "SELECT id FROM dispute WHERE notes IS NOT NULL AND settled_on < :before "
                                + "ORDER BY settled_on LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .setParameter("now", clock.instant())
                        .setParameter("before", before)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
