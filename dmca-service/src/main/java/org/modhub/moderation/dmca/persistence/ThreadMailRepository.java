package org.modhub.moderation.dmca.persistence;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ThreadMailRepository implements PanacheRepositoryBase<ThreadMailEntity, UUID> {

    public Uni<ThreadMailEntity> findByMailMessageId(String messageId) {
        return find("mailMessageId", messageId).firstResult();
    }

    /** Every mail on a notice's threads (its own and its takedowns'), oldest first. */
    public Uni<List<ThreadMailEntity>> byNotice(UUID noticeId) {
        return list("noticeId", Sort.by("receivedAt").and("id"), noticeId);
    }

    /**
     * Mails of one kind and status, oldest first, after {@code after} (null: from the start): e.g. the
     * evidence awaiting legal's confirmation.
     */
    public Uni<List<ThreadMailEntity>> byKindAndStatus(String kind, String status, PageCursor after, int limit) {
        Sort oldestFirst = Sort.by("receivedAt").and("id");
        var query = after == null
                ? find("kind = ?1 and status = ?2", oldestFirst, kind, status)
                : find(
                        "kind = ?1 and status = ?2 and (receivedAt > ?3 or (receivedAt = ?3 and id > ?4))",
                        oldestFirst,
                        kind,
                        status,
                        after.at(),
                        after.id());
        return query.page(Page.ofSize(limit)).list();
    }

    /** The uploader's deficient counter-notice mails on a takedown's thread, oldest first (read with the next reply). */
    public Uni<List<ThreadMailEntity>> deficientCounterNotices(UUID takedownId, String senderEmail) {
        return list(
                "takedownId = ?1 and kind = ?2 and status = ?3 and senderEmail = ?4",
                Sort.by("receivedAt").and("id"),
                takedownId,
                ThreadMailEntity.COUNTER_NOTICE,
                ThreadMailEntity.DEFICIENT,
                senderEmail);
    }

    /** Evidence on a notice received before {@code before} and still waiting for legal. */
    public Uni<Long> awaitingEvidence(UUID noticeId, java.time.Instant before) {
        return count(
                "noticeId = ?1 and kind = ?2 and status = ?3 and receivedAt < ?4",
                noticeId,
                ThreadMailEntity.COURT_ACTION_EVIDENCE,
                ThreadMailEntity.AWAITING_CONFIRMATION,
                before);
    }
}
