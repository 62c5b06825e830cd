package org.modhub.moderation.dmca.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.dmca.domain.NoticeStatus;

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
        return find("clientAddress = ?1 and receivedAt >= ?2", Sort.by("receivedAt"), address, since).firstResult();
    }

    public Uni<NoticeEntity> oldestFromSenderSince(String email, Instant since) {
        return find("senderEmail = ?1 and receivedAt >= ?2", Sort.by("receivedAt"), email, since).firstResult();
    }

    public Uni<NoticeEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** Every notice of a sender, revisions superseded or not, for the abuse signals. */
    public Uni<List<NoticeEntity>> bySender(String email) {
        return list("senderEmail = ?1 and status <> ?2", Sort.by("receivedAt"), email, NoticeStatus.SUPERSEDED);
    }

    public Uni<List<NoticeEntity>> byStatus(NoticeStatus status, int limit) {
        return find("status", Sort.by("receivedAt").and("id"), status).page(Page.ofSize(limit)).list();
    }

    /** Accepted notices for the public archive, newest decision first. */
    public Uni<List<NoticeEntity>> accepted(int offset, int limit) {
        return find("status", Sort.by("reviewedAt", Sort.Direction.Descending).and("id"), NoticeStatus.ACCEPTED)
                .range(offset, offset + limit - 1).list();
    }
}
