package org.modhub.moderation.notification.mail;

import java.util.Set;

import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/** Hourly, drops old journal copies, keeping those of deliveries a retry may still look up. */
@ApplicationScoped
public class JournalPurge {

    private final MailDeliveryRepository deliveries;
    private final Journal journal;

    public JournalPurge(MailDeliveryRepository deliveries, Journal journal) {
        this.deliveries = deliveries;
        this.journal = journal;
    }

    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "mail-journal-purge")
    Uni<Void> scheduled() {
        return purgeOldCopies().replaceWithVoid();
    }

    /** One round; emits how many copies went. */
    public Uni<Integer> purgeOldCopies() {
        if (!journal.enabled()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withSession(deliveries::unresolvedMessageIds)
                .chain(unresolved -> Uni.createFrom()
                        .item(() -> journal.purgeOld(Set.copyOf(unresolved)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .invoke(deleted -> Log.debugf("Purged %d old journal copies", deleted));
    }
}
