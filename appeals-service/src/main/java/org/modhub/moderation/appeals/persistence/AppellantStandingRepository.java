package org.modhub.moderation.appeals.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Appellants' standing rows. */
@ApplicationScoped
public class AppellantStandingRepository implements PanacheRepositoryBase<AppellantStandingEntity, String> {

    /** The appellant's row, created if missing and locked until the transaction ends. */
    public Uni<AppellantStandingEntity> lockOrCreate(String appellantKey, String appellantId, String appellantEmail) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO appellant_standing (appellant_key, appellant_id, appellant_email, updated_at) "
                                        + "VALUES (:key, :id, :email, now()) ON CONFLICT (appellant_key) DO UPDATE SET "
                                        + "appellant_id = COALESCE(appellant_standing.appellant_id, EXCLUDED.appellant_id), "
                                        + "appellant_email = COALESCE(EXCLUDED.appellant_email, appellant_standing.appellant_email)")
                        .setParameter("key", appellantKey)
                        .setParameter("id", appellantId)
                        .setParameter("email", appellantEmail)
                        .executeUpdate())
                .chain(() -> find("appellantKey", appellantKey)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult());
    }
}
