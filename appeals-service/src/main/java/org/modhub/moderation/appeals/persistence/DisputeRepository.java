package org.modhub.moderation.appeals.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Out-of-court dispute records. */
@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<DisputeEntity, UUID> {

    /** The dispute, locked until the transaction ends. */
    public Uni<DisputeEntity> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * One page of the disputes submitted within [from, to], in the order submitted, after the one on {@code afterDay}
     * with id {@code afterId} (both null: from the start).
     */
    public Uni<List<DisputeEntity>> submittedBetween(
            LocalDate from, LocalDate to, LocalDate afterDay, UUID afterId, int limit) {
        if (afterDay == null) {
            return find("submittedOn >= ?1 and submittedOn <= ?2 order by submittedOn, id", from, to)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "submittedOn >= ?1 and submittedOn <= ?2 and (submittedOn > ?3 or (submittedOn = ?3 and id > ?4))"
                                + " order by submittedOn, id",
                        from,
                        to,
                        afterDay,
                        afterId)
                .page(0, limit)
                .list();
    }

    /** Disputes submitted within [from, to], in the order submitted. */
    public Uni<List<DisputeEntity>> submittedBetween(LocalDate from, LocalDate to) {
        return list("submittedOn >= ?1 and submittedOn <= ?2 order by submittedOn, id", from, to);
    }
}
