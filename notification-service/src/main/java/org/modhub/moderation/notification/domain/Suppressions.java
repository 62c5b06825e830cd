package org.modhub.moderation.notification.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Addresses that hard-bounced or were permanently refused: they get no more mail. */
@ApplicationScoped
public class Suppressions {

    public Uni<Boolean> isSuppressed(String address) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM mail_suppression WHERE address = :a", Long.class)
                .setParameter("a", address.toLowerCase(Locale.ROOT)).getSingleResult())
                .map(n -> n > 0);
    }

    /** Suppresses the address (in the caller's transaction); the first reason stays. */
    public Uni<Void> suppress(String address, String reason, UUID deliveryId, Instant now) {
        Log.infof("Suppressing further mail to a bounced address (delivery %s): %s", deliveryId, reason);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO mail_suppression (address, reason, delivery_id, created_at) VALUES (:a, :r, :d, :now) "
                        + "ON CONFLICT (address) DO NOTHING")
                .setParameter("a", address.toLowerCase(Locale.ROOT))
                .setParameter("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .setParameter("d", deliveryId)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }
}
