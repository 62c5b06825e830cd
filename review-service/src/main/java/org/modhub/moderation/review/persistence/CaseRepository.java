package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.review.domain.CaseState;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Queries over cases; each is served by an index of the migration. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    /** Filters of the queue; null means any. Without a state, only open cases. */
    public record QueueFilter(
            CaseState state, PolicyCategory category, Severity priority, String assignee, Boolean overdue) {}

    private static java.time.OffsetDateTime utc(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** The cases not yet closed whose first link is to {@code decisionId}, locked for the caller's transaction. */
    public Uni<List<CaseEntity>> lockOpenLinkedTo(UUID decisionId) {
        return find("linkedDecisionId = ?1 and state <> ?2", decisionId, CaseState.CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The open case of a subject, locked for the caller's transaction; null if none. */
    public Uni<CaseEntity> lockOpenFor(String subjectKey) {
        return find("subjectKey = ?1 and state <> ?2", subjectKey, CaseState.CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * One page of the queue, in queue order (priority desc, due asc, id asc) after {@code after}, a
     * cursor whose rank is the priority and whose time the due time. The row-value comparison on {@code (queue_key, due_at, id)} (queue_key
     * is minus the priority) matches the column order of every queue index, so PostgreSQL starts
     * the index scan at the cursor instead of filtering everything before it.
     */
    public Uni<List<CaseEntity>> queue(QueueFilter filter, Instant now, PageCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.state() != null) {
            where.add("state = :state");
            params.put("state", filter.state().name());
        } else {
            where.add("state <> 'CLOSED'");
        }
        if (filter.category() != null) {
            where.add("category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.priority() != null) {
            where.add("severity = :severity");
            params.put("severity", filter.priority().name());
        }
        if (filter.assignee() != null) {
            where.add("assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "due_at < :now" : "due_at >= :now");
            params.put("now", utc(now));
        }
        if (after != null) {
            where.add("(queue_key, due_at, id) > (:cursorKey, :cursorDue, :cursorId)");
            params.put("cursorKey", -after.rank());
            params.put("cursorDue", utc(after.at()));
            params.put("cursorId", after.id());
        }
        String sql = "SELECT id FROM review_case WHERE " + String.join(" AND ", where)
                + " ORDER BY queue_key, due_at, id LIMIT :limit";
        params.put("limit", limit);
        // The ids come from the index in queue order; the rows are then loaded by primary key.
        return Panache.getSession()
                .chain(s -> {
                    var query = s.createNativeQuery(sql);
                    params.forEach(query::setParameter);
                    return query.getResultList();
                })
                .chain(rows -> {
                    List<UUID> ids = rows.stream()
                            .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                            .toList();
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<CaseEntity>of());
                    }
                    return list("id in ?1", ids).map(found -> {
                        Map<UUID, CaseEntity> byId = new java.util.HashMap<>();
                        found.forEach(c -> byId.put(c.id, c));
                        return ids.stream()
                                .map(byId::get)
                                .filter(java.util.Objects::nonNull)
                                .toList();
                    });
                });
    }
}
