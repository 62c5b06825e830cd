package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.dmca.domain.NoticeStatus;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<NoticeEntity, UUID> {

    public Uni<Long> countFromAddressSince(String address, Instant since) {
        return count("clientAddress = ?1 and receivedAt >= ?2", address, since);
    }

    public Uni<Long> countFromSenderSince(String email, Instant since) {
        return count("senderEmail = ?1 and receivedAt >= ?2", email, since);
    }

    public Uni<NoticeEntity> oldestFromAddressSince(String address, Instant since) {
        return find("clientAddress = ?1 and receivedAt >= ?2", Sort.by("receivedAt"), address, since)
                .firstResult();
    }

    public Uni<NoticeEntity> oldestFromSenderSince(String email, Instant since) {
        return find("senderEmail = ?1 and receivedAt >= ?2", Sort.by("receivedAt"), email, since)
                .firstResult();
    }

    public Uni<NoticeEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** Every notice of a sender, revisions superseded or not, for the abuse signals. */
    public Uni<List<NoticeEntity>> bySender(String email) {
        return list("senderEmail = ?1 and status <> ?2", Sort.by("receivedAt"), email, NoticeStatus.SUPERSEDED);
    }

    /** Notices of one status, oldest first, after {@code after} (null: from the start). */
    public Uni<List<NoticeEntity>> byStatus(NoticeStatus status, PageCursor after, int limit) {
        Sort oldestFirst = Sort.by("receivedAt").and("id");
        var query = after == null
                ? find("status", oldestFirst, status)
                : find(
                        "status = ?1 and (receivedAt > ?2 or (receivedAt = ?2 and id > ?3))",
                        oldestFirst,
                        status,
                        after.at(),
                        after.id());
        return query.page(Page.ofSize(limit)).list();
    }

    /** Accepted notices for the public archive, newest decision first, after {@code after} (null: from the start). */
    public Uni<List<NoticeEntity>> accepted(PageCursor after, int limit) {
        Sort newestFirst = Sort.by("reviewedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        var query = after == null
                ? find("status", newestFirst, NoticeStatus.ACCEPTED)
                : find(
                        "status = ?1 and (reviewedAt < ?2 or (reviewedAt = ?2 and id < ?3))",
                        newestFirst,
                        NoticeStatus.ACCEPTED,
                        after.at(),
                        after.id());
        return query.page(Page.ofSize(limit)).list();
    }

    /**
     * Serialises, until the transaction ends, the notices of one key (a client address, a sender), so
     * the rate limits hold across replicas.
     */
    public Uni<Void> lock(String key) {
        return getSession()
                .chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                        .setParameter("k", key)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
