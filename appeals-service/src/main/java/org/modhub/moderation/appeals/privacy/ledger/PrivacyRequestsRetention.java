package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger's own retention (kit {@code kit.privacy.retention.privacy-requests}): a request completed longer ago than
 * its period is deleted with its answers (they cascade). The ledger is the proof that a request was answered (GDPR Art.
 * 5(2)); a request still pending is never removed, since staff must see which service has not answered.
 */
@ApplicationScoped
public class PrivacyRequestsRetention implements RetentionRule {

    static final String KIND = "privacy-requests";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "privacy requests (access, erasure) completed before the cutoff are deleted with every service's answer";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "DELETE FROM privacy_request WHERE id IN (SELECT id FROM privacy_request "
                                        + "WHERE completed_at < :cutoff ORDER BY completed_at LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
