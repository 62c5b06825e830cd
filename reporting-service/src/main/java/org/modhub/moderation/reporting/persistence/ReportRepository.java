package org.modhub.moderation.reporting.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.reporting.domain.ReportStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Queries over reports; each is served by an index of the migration. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ReportEntity, UUID> {

    public Uni<ReportEntity> findByIdempotencyKey(String notifierKey, String idempotencyKey) {
        return find("notifierKey = ?1 and idempotencyKey = ?2", notifierKey, idempotencyKey)
                .firstResult();
    }

    public Uni<ReportEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** The notifier's newest report on the subject filed since {@code since} that is neither decided nor withdrawn. */
    public Uni<ReportEntity> findMergeTarget(String notifierKey, String subjectKey, Instant since) {
        return find(
                        "notifierKey = ?1 and subjectKey = ?2 and filedAt >= ?3 and status not in ?4 order by filedAt desc",
                        notifierKey,
                        subjectKey,
                        since,
                        List.of(ReportStatus.DECIDED, ReportStatus.WITHDRAWN))
                .firstResult();
    }

    /** The report, locked until the transaction ends: a withdrawal and a decision on it apply one after the other. */
    public Uni<ReportEntity> findLocked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The reports, locked until the transaction ends. */
    public Uni<List<ReportEntity>> listLocked(List<UUID> ids) {
        return find("id in ?1 order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** How many reports the notifier filed since {@code since}. */
    public Uni<Long> countFiledSince(String notifierKey, Instant since) {
        return count("notifierKey = ?1 and filedAt >= ?2", notifierKey, since);
    }

    /**
     * How many of the notifier's reports filed since {@code since} went (or may still go) to review:
     * reports held while the notifier was muted, and reports they withdrew, never get a decision, so they do not
     * dilute the share of manifestly unfounded reports (Art. 23(3)(b)).
     */
    public Uni<Long> countReviewableSince(String notifierKey, Instant since) {
        return count(
                "notifierKey = ?1 and filedAt >= ?2 and status not in ?3",
                notifierKey,
                since,
                List.of(ReportStatus.MUTED, ReportStatus.WITHDRAWN));
    }

    /** The oldest of the notifier's reports filed since {@code since} (when the window frees a slot). */
    public Uni<ReportEntity> oldestFiledSince(String notifierKey, Instant since) {
        return find("notifierKey = ?1 and filedAt >= ?2 order by filedAt asc", notifierKey, since)
                .firstResult();
    }

    /** The notifier's reports found manifestly unfounded, filed since {@code since}. */
    public Uni<List<ReportEntity>> unfoundedSince(String notifierKey, Instant since) {
        return list(
                "notifierKey = ?1 and filedAt >= ?2 and manifestlyUnfounded = true order by filedAt",
                notifierKey,
                since);
    }

    /** A reporter's own reports, newest first, after the cursor position. */
    public Uni<List<ReportEntity>> mine(String reporterId, PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("reporter", reporterId));
        String query = "reporterId = :reporter" + keyset(after, params) + " order by filedAt desc, id desc";
        return find(query, params).page(0, limit).list();
    }

    /** Staff search: any combination of the criteria, newest first, after the cursor position. */
    public Uni<List<ReportEntity>> search(SearchCriteria criteria, PageCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        criterion(where, params, "subjectKey = :subject", "subject", criteria.subjectKey());
        criterion(where, params, "category = :category", "category", criteria.category());
        criterion(where, params, "status = :status", "status", criteria.status());
        criterion(where, params, "sourceType = :source", "source", criteria.sourceType());
        criterion(where, params, "channel = :channel", "channel", criteria.channel());
        criterion(where, params, "filedAt >= :from", "from", criteria.from());
        criterion(where, params, "filedAt < :to", "to", criteria.to());
        String keyset = keyset(after, params);
        String query =
                (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + keyset + " order by filedAt desc, id desc";
        return find(query, params).page(0, limit).list();
    }

    /** Adds {@code clause} when its criterion is given. */
    private static void criterion(
            List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    private static String keyset(PageCursor after, Map<String, Object> params) {
        if (after == null) {
            return "";
        }
        params.put("cursorAt", after.at());
        params.put("cursorId", after.id());
        return " and (filedAt < :cursorAt or (filedAt = :cursorAt and id < :cursorId))";
    }
}
