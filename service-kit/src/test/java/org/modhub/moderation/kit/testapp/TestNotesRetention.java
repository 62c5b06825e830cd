package org.modhub.moderation.kit.testapp;

import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes test notes older than their period, one batch at a time. */
@ApplicationScoped
public class TestNotesRetention implements RetentionRule {

    @Override
    public String kind() {
        return "test-notes";
    }

    @Override
    public String description() {
        return "test notes are deleted";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM kit_test_person_note WHERE id IN (SELECT id FROM "
                                + "kit_test_person_note WHERE written_at < :cutoff ORDER BY written_at LIMIT :limit "
                                + "FOR UPDATE SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
