package org.modhub.moderation.reporting.persistence;

import org.modhub.moderation.reporting.domain.NotifierKey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Notifiers' standing rows. */
@ApplicationScoped
public class NotifierStandingRepository implements PanacheRepositoryBase<NotifierStandingEntity, String> {

    /**
     * The notifier's row, created if missing and locked until the transaction ends: filings of one
     * notifier run one after another on every replica, so the rate limit, the merge window and
     * Idempotency-Key hold under concurrency. One statement: the upsert returns the row as a
     * managed entity, so a filing needs no second round trip to read it.
     */
    public Uni<NotifierStandingEntity> lockOrCreate(String notifierKey, String notifierId, String notifierEmail) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO notifier_standing (notifier_key, notifier_id, notifier_email, updated_at) "
                                        + "VALUES (:key, :id, :email, now()) ON CONFLICT (notifier_key) DO UPDATE SET "
                                        + "notifier_id = COALESCE(notifier_standing.notifier_id, EXCLUDED.notifier_id), "
                                        + "notifier_email = COALESCE(EXCLUDED.notifier_email, notifier_standing.notifier_email) "
                                        + "RETURNING *",
                                NotifierStandingEntity.class)
                        .setParameter("key", notifierKey)
                        .setParameter("id", notifierId)
                        .setParameter("email", notifierEmail)
                        .getSingleResult());
    }

    /** As {@link #lockOrCreate}, for a notifier known by key only (staff actions, the misuse ladder). */
    public Uni<NotifierStandingEntity> lock(NotifierKey key) {
        return lockOrCreate(key.value(), key.accountId(), key.emailAddress());
    }
}
