package org.modhub.moderation.dmca.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CounterNoticeRepository implements PanacheRepositoryBase<CounterNoticeEntity, UUID> {

    public Uni<CounterNoticeEntity> byTakedown(UUID takedownId) {
        return find("takedownId", takedownId).firstResult();
    }
}
