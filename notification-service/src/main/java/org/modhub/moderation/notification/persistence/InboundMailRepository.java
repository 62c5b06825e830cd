package org.modhub.moderation.notification.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's record of inbound mail ({@code inbound_mail}, once per mailbox and Message-ID) and of the attachments
 * kept as evidence ({@code inbound_attachment}). Writes run in the caller's transaction unless said otherwise.
 */
@ApplicationScoped
public class InboundMailRepository {

    /** An attachment as stored: {@code content} null when it was larger than the limit (only its hash is kept). */
    public record StoredAttachment(String name, String contentType, long size, String sha256, byte[] content) {}

    /** How a message was recorded, or null when it is new to this mailbox. Opens its own session. */
    public Uni<String> dispositionOf(String mailbox, String messageId) {
        return Panache.withSession(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(
                                        "SELECT disposition FROM inbound_mail WHERE mailbox = :mailbox AND message_id = :mid",
                                        String.class)
                                .setParameter("mailbox", mailbox)
                                .setParameter("mid", messageId)
                                .getResultList()))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Records a quarantined message in a transaction of its own; emits whether it was new. */
    public Uni<Boolean> recordQuarantined(String mailbox, String messageId, String from, String reason, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(
                                        "INSERT INTO inbound_mail (id, mailbox, message_id, disposition, from_address, received_at, reason) "
                                                + "VALUES (:id, :mailbox, :mid, 'QUARANTINED', :from, :now, :reason) ON CONFLICT (mailbox, message_id) DO NOTHING")
                                .setParameter("id", UUID.randomUUID())
                                .setParameter("mailbox", mailbox)
                                .setParameter("mid", messageId)
                                .setParameter("from", from)
                                .setParameter("now", now)
                                .setParameter("reason", reason)
                                .executeUpdate()))
                .map(inserted -> inserted > 0);
    }

    /** Records a message; emits false when this mailbox recorded its Message-ID before (then nothing is written). */
    public Uni<Boolean> record(
            UUID id, String mailbox, String messageId, String disposition, String from, String threadKey, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO inbound_mail (id, mailbox, message_id, "
                                + "disposition, from_address, received_at, thread_key) VALUES (:id, :mailbox, :mid, :d, :from, :now, :thread) "
                                + "ON CONFLICT (mailbox, message_id) DO NOTHING")
                        .setParameter("id", id)
                        .setParameter("mailbox", mailbox)
                        .setParameter("mid", messageId)
                        .setParameter("d", disposition)
                        .setParameter("from", from)
                        .setParameter("now", now)
                        .setParameter("thread", threadKey)
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** The mail.inbound event a recorded message was published as. */
    public Uni<Void> setEventId(UUID id, String eventId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE inbound_mail SET event_id = :e WHERE id = :id")
                        .setParameter("e", eventId)
                        .setParameter("id", id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> storeAttachments(UUID mailId, List<StoredAttachment> attachments) {
        return Multi.createFrom()
                .iterable(attachments)
                .onItem()
                .transformToUniAndConcatenate(a -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(
                                        "INSERT INTO inbound_attachment (id, mail_id, name, content_type, size, sha256, content, truncated) "
                                                + "VALUES (:id, :mail, :name, :type, :size, :sha, :content, :truncated)")
                                .setParameter("id", UUID.randomUUID())
                                .setParameter("mail", mailId)
                                .setParameter("name", a.name())
                                .setParameter("type", a.contentType())
                                .setParameter("size", a.size())
                                .setParameter("sha", a.sha256())
                                .setParameter("content", a.content() == null ? new byte[0] : a.content())
                                .setParameter("truncated", a.content() == null)
                                .executeUpdate()))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
