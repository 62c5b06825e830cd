package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An access request's answers hold a copy of everything the services hold about the person. Once the period has
 * passed since the request completed (time enough to send the document), the copy goes: each item keeps what was
 * found, why and what was done, without its fields. The request itself stays for {@code privacy-requests}.
 */
@ApplicationScoped
public class AccessDocumentsRetention implements RetentionRule {

    @Override
    public String kind() {
        return "access-documents";
    }

    @Override
    public String description() {
        return "the data copied into an access request's answers (each item's fields) is removed; what was found and why"
                + " stays with the request";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE privacy_answer SET items = privacy_items_without_fields(items), "
                                        + "fields_removed_at = :cutoff WHERE (request_id, service, part) IN ("
                                        + "SELECT a.request_id, a.service, a.part FROM privacy_answer a "
                                        + "JOIN privacy_request r ON r.id = a.request_id WHERE r.kind = 'ACCESS' "
                                        + "AND r.completed_at < :cutoff AND a.fields_removed_at IS NULL "
                                        + "ORDER BY r.completed_at LIMIT :limit FOR UPDATE OF a SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}
