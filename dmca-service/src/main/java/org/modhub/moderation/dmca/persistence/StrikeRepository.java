package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StrikeRepository implements PanacheRepositoryBase<StrikeEntity, UUID> {

    /** The account's strikes recorded since {@code since}, oldest first. */
    public Uni<List<StrikeEntity>> listInForce(String accountId, Instant since) {
        return list("accountId = ?1 and recordedAt >= ?2", Sort.by("recordedAt").and("id"), accountId, since);
    }

    public Uni<StrikeEntity> byTakedown(UUID takedownId) {
        return find("takedownId", takedownId).firstResult();
    }
}
