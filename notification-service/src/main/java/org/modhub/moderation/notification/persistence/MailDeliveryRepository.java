package org.modhub.moderation.notification.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.notification.domain.DeliveryStatus;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The delivery log; each query is served by an index of the migration. */
@ApplicationScoped
public class MailDeliveryRepository implements PanacheRepositoryBase<MailDeliveryEntity, UUID> {

    public Uni<MailDeliveryEntity> findByIdempotencyKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResult();
    }

    public Uni<MailDeliveryEntity> findByMessageId(String messageId) {
        return find("messageId", messageId).firstResult();
    }

    public Uni<List<MailDeliveryEntity>> findByMessageIds(List<String> messageIds) {
        return list("messageId in ?1", messageIds);
    }

    /**
     * Locks the next due mail, or one whose lease lapsed (its sender died), in the caller's transaction; rows other lanes
     * hold are skipped, so lanes never wait on each other. Null when nothing is due.
     */
    public Uni<MailDeliveryEntity> lockNextDue(Instant now) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM mail_delivery WHERE (status = 'QUEUED' AND "
                                        + "next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until < :now) ORDER BY next_attempt_at NULLS FIRST, "
                                        + "created_at LIMIT 1 FOR UPDATE SKIP LOCKED",
                                MailDeliveryEntity.class)
                        .setParameter("now", now)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Message-IDs of mails whose last attempt may have reached the server unrecorded: a retry asks the journal. */
    public Uni<List<String>> unresolvedMessageIds() {
        return getSession()
                .chain(s -> s.createQuery(
                                "select messageId from MailDeliveryEntity where status = ?1 "
                                        + "or (status = ?2 and attempts > 0)",
                                String.class)
                        .setParameter(1, DeliveryStatus.SENDING)
                        .setParameter(2, DeliveryStatus.QUEUED)
                        .getResultList());
    }

    /**
     * Mails to the address sent since {@code since} or being sent now, other than {@code except}: what the rate limit
     * counts. One statement, so one snapshot: counted as two, a mail another lane marked sent between them was in
     * neither, and four lanes let a fourth mail through a limit of three (a repeated test showed it 2 times in 12).
     */
    public Uni<Long> countSentOrSendingSince(String recipient, Instant since, UUID except) {
        return count(
                "recipient = ?1 and id <> ?2 and (status = ?3 or (status in ?4 and sentAt >= ?5))",
                recipient,
                except,
                DeliveryStatus.SENDING,
                List.of(DeliveryStatus.SENT, DeliveryStatus.BOUNCED),
                since);
    }

    /** The oldest mail sent to the address since {@code since}: when it leaves the window a slot frees. */
    public Uni<MailDeliveryEntity> oldestSentSince(String recipient, Instant since) {
        return find(
                        "recipient = ?1 and sentAt >= ?2 and status in ?3 order by sentAt",
                        recipient,
                        since,
                        List.of(DeliveryStatus.SENT, DeliveryStatus.BOUNCED))
                .firstResult();
    }

    /** Staff search, newest first, after the keyset cursor (created_at, id) of the last item seen, if any. */
    public Uni<List<MailDeliveryEntity>> search(DeliverySearch criteria, PageCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (criteria.recipient() != null) {
            where.add("recipient = :recipient");
            params.and("recipient", criteria.recipient().toLowerCase(Locale.ROOT));
        }
        if (criteria.status() != null) {
            where.add("status = :status");
            params.and("status", criteria.status());
        }
        if (criteria.templateId() != null) {
            where.add("templateId = :template");
            params.and("template", criteria.templateId());
        }
        if (criteria.threadKey() != null) {
            where.add("threadKey = :thread");
            params.and("thread", criteria.threadKey());
        }
        if (criteria.idempotencyKey() != null) {
            where.add("idempotencyKey = :key");
            params.and("key", criteria.idempotencyKey());
        }
        if (criteria.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.add("createdAt < :to");
            params.and("to", criteria.to());
        }
        if (after != null) {
            where.add("(createdAt < :bc or (createdAt = :bc and id < :bid))");
            params.and("bc", after.at()).and("bid", after.id());
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, params).page(0, limit).list();
    }
}
