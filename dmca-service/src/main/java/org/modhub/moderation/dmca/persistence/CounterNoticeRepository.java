package org.modhub.moderation.dmca.persistence;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CounterNoticeRepository implements PanacheRepositoryBase<CounterNoticeEntity, UUID> {

    public Uni<CounterNoticeEntity> byTakedown(UUID takedownId) {
        return find("takedownId", takedownId).firstResult();
    }

    /** The counter-notices of a notice whose outcome is open: the clock runs, or evidence holds it. */
    public Uni<List<CounterNoticeEntity>> openOfNotice(UUID noticeId) {
        return list(
                "noticeId = ?1 and status in ?2",
                io.quarkus.panache.common.Sort.by("receivedAt").and("id"),
                noticeId,
                List.of(CounterNoticeEntity.RUNNING, CounterNoticeEntity.EVIDENCE_PENDING));
    }
}
