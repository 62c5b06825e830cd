package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.appeals.domain.AppealStatus;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Appeals. */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<AppealEntity, UUID> {

    /** The queue's rank: escalated appeals (0) before the others (1). */
    private static final String RANK = "(case when escalatedAt is null then 1 else 0 end)";

    /** The appeal, locked until the transaction ends (two reviewers deciding at once: one wins). */
    public Uni<AppealEntity> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<AppealEntity> openOf(UUID decisionId, String appellantKey) {
        return find(
                        "decisionId = ?1 and appellantKey = ?2 and status = ?3",
                        decisionId,
                        appellantKey,
                        AppealStatus.OPEN)
                .firstResult();
    }

    public Uni<AppealEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** The appellant's own appeals, newest first, after the cursor's position. */
    public Uni<List<AppealEntity>> ofAppellant(String appellantKey, PageCursor after, int rows) {
        Parameters params = Parameters.with("key", appellantKey);
        String keyset = "";
        if (after != null) {
            keyset = " and (filedAt < :at or (filedAt = :at and id < :id))";
            params.and("at", after.at()).and("id", after.id());
        }
        return find("appellantKey = :key" + keyset + " order by filedAt desc, id desc", params)
                .page(0, rows)
                .list();
    }

    /** The position of an appeal in {@link #ofAppellant}. */
    public static PageCursor appellantCursor(AppealEntity appeal) {
        return new PageCursor(appeal.filedAt, appeal.id);
    }

    /** The staff queue: escalated first, then by due time, after the cursor's position. */
    public Uni<List<AppealEntity>> queue(AppealStatus status, PageCursor after, int rows) {
        Parameters params = Parameters.with("status", status);
        String keyset = "";
        if (after != null) {
            keyset = " and (" + RANK + " > :rank or (" + RANK
                    + " = :rank and (dueAt > :at or (dueAt = :at and id > :id))))";
            params.and("rank", after.rank()).and("at", after.at()).and("id", after.id());
        }
        return find("status = :status" + keyset + " order by " + RANK + ", dueAt, id", params)
                .page(0, rows)
                .list();
    }

    /** The position of an appeal in {@link #queue}. */
    public static PageCursor queueCursor(AppealEntity appeal) {
        return new PageCursor(appeal.escalatedAt == null ? 1 : 0, appeal.dueAt, appeal.id);
    }

    /** Appeals filed within [from, to). */
    public Uni<List<AppealEntity>> filedBetween(Instant from, Instant to) {
        return list("filedAt >= ?1 and filedAt < ?2", from, to);
    }

    /** The appellant's manifestly unfounded appeals resolved since {@code since}. */
    public Uni<List<AppealEntity>> unfoundedSince(String appellantKey, Instant since) {
        return list(
                "appellantKey = ?1 and manifestlyUnfounded = true and resolvedAt >= ?2 order by resolvedAt",
                appellantKey,
                since);
    }

    /** The appellant's appeals resolved since {@code since}. */
    public Uni<Long> resolvedSince(String appellantKey, Instant since) {
        return count(
                "appellantKey = ?1 and status = ?2 and resolvedAt >= ?3", appellantKey, AppealStatus.RESOLVED, since);
    }
}
