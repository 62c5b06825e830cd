package org.modhub.moderation.dmca.persistence;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
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

    public Uni<List<TakedownEntity>> byUploader(String uploaderId) {
        return list("uploaderId", Sort.by("createdAt").and("id"), uploaderId);
    }
}
