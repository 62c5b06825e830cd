package org.modhub.moderation.review.persistence;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.review.domain.DecisionStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Decisions and reversals. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    /** Decisions waiting for approval, oldest first, after {@code after} (null: from the start); up to {@code limit}. */
    public Uni<List<DecisionEntity>> pendingApproval(PageCursor after, int limit) {
        if (after == null) {
            return find("status = ?1 order by createdAt, id", DecisionStatus.PENDING_APPROVAL)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "status = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        DecisionStatus.PENDING_APPROVAL,
                        after.at(),
                        after.id())
                .page(0, limit)
                .list();
    }
}
