package org.modhub.moderation.notification.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Unmatched mail for staff; the list is served by the (received_at, id) index of the migration. */
@ApplicationScoped
public class UnmatchedMailRepository implements PanacheRepositoryBase<UnmatchedMailEntity, UUID> {

    /** Newest first, after the cursor position. */
    public Uni<List<UnmatchedMailEntity>> newestFirst(PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = "1 = 1";
        if (after != null) {
            where = "(receivedAt < :cursorAt or (receivedAt = :cursorAt and id < :cursorId))";
            params.put("cursorAt", after.at());
            params.put("cursorId", after.id());
        }
        return find(where + " order by receivedAt desc, id desc", params)
                .page(0, limit)
                .list();
    }

    /** The attachments kept with a mail: name, type, size, SHA-256, whether the bytes were kept. */
    public Uni<List<Object[]>> attachmentsOf(UUID mailId) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT name, content_type, size, sha256, NOT truncated "
                                        + "FROM inbound_attachment WHERE mail_id = :id ORDER BY name NULLS LAST, id",
                                Object[].class)
                        .setParameter("id", mailId)
                        .getResultList());
    }

    /** The status of the receipt sent for a mail, or null when none was sent. */
    public Uni<String> receiptStatusOf(UUID mailId) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT status FROM mail_delivery WHERE idempotency_key = :key", String.class)
                        .setParameter("key", "mail-received:" + mailId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
