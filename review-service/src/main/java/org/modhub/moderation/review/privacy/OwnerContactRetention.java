package org.modhub.moderation.review.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The owner's contact on closed cases, longer than the period ({@code kit.privacy.retention.owner-contact}) after the
 * decision: the address on a decision goes ({@code NULL}: a later reversal mails nobody rather than an old address),
 * and an owner request (its case closed as long ago) loses the address and both texts, which read
 * {@value ReviewPersonalData#ERASED_TEXT}. The decision, its statement of reasons and the owner's account id stay: they
 * are the enforcement ledger (DSA Art. 17).
 */
@ApplicationScoped
public class OwnerContactRetention implements RetentionRule {

    public static final String KIND = "owner-contact";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Decisions of closed cases taken before the cutoff lose the owner's address; requests to owners of cases "
                + "closed before it lose the address, the request's text and the owner's answer";
    }

    /** Decisions first; what is left of the batch goes to owner requests, so the run ends when both are done. */
    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                UPDATE decision SET owner_email = NULL
                                WHERE id IN (
                                    SELECT d.id FROM decision d JOIN review_case c ON c.id = d.case_id
                                    WHERE d.owner_email IS NOT NULL AND coalesce(d.decided_at, d.created_at) < :cutoff
                                      AND c.state = 'CLOSED'
                                    ORDER BY coalesce(d.decided_at, d.created_at) LIMIT :limit
                                    FOR UPDATE OF d SKIP LOCKED)
                                """)
                        .setParameter("cutoff", before)
                        .setParameter("limit", limit)
                        .executeUpdate())
                .chain(decisions -> decisions >= limit
                        ? Uni.createFrom().item(decisions)
                        : Panache.getSession()
                                .chain(s -> s.createNativeQuery("""
                                                UPDATE owner_request SET owner_email = NULL, message = :erased,
                                                    response_text = CASE WHEN response_text IS NULL THEN NULL ELSE :erased END
                                                WHERE id IN (
                                                    SELECT o.id FROM owner_request o JOIN review_case c ON c.id = o.case_id
                                                    WHERE o.owner_email IS NOT NULL AND c.state = 'CLOSED'
                                                      AND c.closed_at < :cutoff
                                                    ORDER BY c.closed_at LIMIT :limit
                                                    FOR UPDATE OF o SKIP LOCKED)
                                                """)
                                        .setParameter("erased", ReviewPersonalData.ERASED_TEXT)
                                        .setParameter("cutoff", before)
                                        .setParameter("limit", limit - decisions)
                                        .executeUpdate())
                                .map(requests -> decisions + requests));
    }
}
