package org.modhub.moderation.appeals.persistence;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.appeals.domain.AppealStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Appeals. */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<AppealEntity, UUID> {

    public Uni<AppealEntity> openOf(UUID decisionId, String appellantKey) {
        return find("decisionId = ?1 and appellantKey = ?2 and status = ?3", decisionId, appellantKey, AppealStatus.OPEN)
                .firstResult();
    }

    public Uni<AppealEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** The caller's own appeals, newest first. */
    public Uni<List<AppealEntity>> ofAppellant(String appellantKey, int limit) {
        return find("appellantKey = ?1 order by filedAt desc, id desc", appellantKey).page(0, limit).list();
    }

    /** The staff queue: escalated first, then by due time. */
    public Uni<List<AppealEntity>> queue(AppealStatus status, int limit) {
        return find("status = ?1 order by case when escalatedAt is null then 1 else 0 end, dueAt, id", status).page(0, limit)
                .list();
    }

    /** The appellant's manifestly unfounded appeals resolved since {@code since}. */
    public Uni<List<AppealEntity>> unfoundedSince(String appellantKey, java.time.Instant since) {
        return list("appellantKey = ?1 and manifestlyUnfounded = true and resolvedAt >= ?2 order by resolvedAt", appellantKey,
                since);
    }

    /** The appellant's appeals resolved since {@code since}. */
    public Uni<Long> resolvedSince(String appellantKey, java.time.Instant since) {
        return count("appellantKey = ?1 and status = ?2 and resolvedAt >= ?3", appellantKey, AppealStatus.RESOLVED, since);
    }
}
