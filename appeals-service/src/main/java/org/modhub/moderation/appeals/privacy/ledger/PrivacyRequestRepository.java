package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** The ledger's requests. */
@ApplicationScoped
public class PrivacyRequestRepository implements PanacheRepositoryBase<PrivacyRequestEntity, UUID> {

    /** The request, locked until the transaction ends (the parts of answers complete it one at a time). */
    public Uni<PrivacyRequestEntity> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One page of requests, newest first, after the one recorded at {@code afterAt} with {@code afterId} (null: first). */
    public Uni<List<PrivacyRequestEntity>> newestFirst(Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return find("order by requestedAt desc, id desc").page(0, limit).list();
        }
        return find(
                        "requestedAt < ?1 or (requestedAt = ?1 and id < ?2) order by requestedAt desc, id desc",
                        afterAt,
                        afterId)
                .page(0, limit)
                .list();
    }
}
