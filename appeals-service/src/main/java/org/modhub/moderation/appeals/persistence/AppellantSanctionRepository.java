package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The steps of the misuse ladder as they happened. */
@ApplicationScoped
public class AppellantSanctionRepository implements PanacheRepositoryBase<AppellantSanctionEntity, UUID> {

    /** Steps taken within [from, to). */
    public Uni<List<AppellantSanctionEntity>> between(Instant from, Instant to) {
        return list("at >= ?1 and at < ?2", from, to);
    }
}
