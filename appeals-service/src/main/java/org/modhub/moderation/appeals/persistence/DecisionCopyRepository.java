package org.modhub.moderation.appeals.persistence;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** The local copy of decisions and the reports they answer. */
@ApplicationScoped
public class DecisionCopyRepository implements PanacheRepositoryBase<DecisionCopyEntity, UUID> {

    /**
     * The decision, locked until the transaction ends: filings against one decision run one after
     * another on every replica, so "one open appeal per decision and appellant" holds.
     */
    public Uni<DecisionCopyEntity> lock(UUID decisionId) {
        return find("decisionId", decisionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Void> linkReports(UUID decisionId, List<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO decision_report (decision_id, report_id) SELECT :decision, unnest(cast(:reports as uuid[])) "
                                        + "ON CONFLICT DO NOTHING")
                        .setParameter("decision", decisionId)
                        .setParameter("reports", reportIds.toArray(UUID[]::new))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The decisions among {@code ids} that this service knows. */
    public Uni<List<DecisionCopyEntity>> known(List<UUID> ids) {
        return list("decisionId in ?1", ids);
    }
}
