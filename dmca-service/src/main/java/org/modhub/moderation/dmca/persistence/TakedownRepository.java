package org.modhub.moderation.dmca.persistence;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.dmca.domain.TakedownStatus;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TakedownRepository implements PanacheRepositoryBase<TakedownEntity, UUID> {

    public Uni<List<TakedownEntity>> byNotice(UUID noticeId) {
        return list("noticeId", Sort.by("createdAt").and("id"), noticeId);
    }

    public Uni<TakedownEntity> byNoticeAndUploader(UUID noticeId, String uploaderId) {
        return find("noticeId = ?1 and uploaderId = ?2", noticeId, uploaderId).firstResult();
    }

    /** Takedowns of one status (null: any), oldest first, after {@code after} (null: from the start). */
    public Uni<List<TakedownEntity>> byStatus(TakedownStatus status, PageCursor after, int limit) {
        Sort oldestFirst = Sort.by("createdAt").and("id");
        String where = status == null ? "1 = 1" : "status = :status";
        Parameters params = status == null ? new Parameters() : Parameters.with("status", status);
        if (after != null) {
            where += " and (createdAt > :at or (createdAt = :at and id > :id))";
            params = params.and("at", after.at()).and("id", after.id());
        }
        return find(where, oldestFirst, params).page(Page.ofSize(limit)).list();
    }

    public Uni<List<TakedownEntity>> byUploader(String uploaderId) {
        return list("uploaderId", Sort.by("createdAt").and("id"), uploaderId);
    }
}
