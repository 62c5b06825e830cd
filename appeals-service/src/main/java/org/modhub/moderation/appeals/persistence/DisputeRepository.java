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

    /** Disputes submitted within [from, to], in the order submitted. */
    public Uni<List<DisputeEntity>> submittedBetween(LocalDate from, LocalDate to) {
        return list("submittedOn >= ?1 and submittedOn <= ?2 order by submittedOn, id", from, to);
    }
}
