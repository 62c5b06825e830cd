package org.modhub.moderation.notification.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code inbound-mail}: 90 days after a mail arrived the gateway's record forgets its sender and its attachments (the
 * evidence went to the owning service with the mail; a dispute about it has surfaced by then). The record of the
 * Message-ID stays, so a late redelivery is still recognised. Mail kept for staff has its own period
 * ({@link UnmatchedMailRetention}) and is left alone here.
 */
@ApplicationScoped
public class InboundMailRetention implements RetentionRule {

    @Override
    public String kind() {
        return "inbound-mail";
    }

    @Override
    public String description() {
        return "Inbound mail received before the cutoff (not kept for staff): sender address removed, attachments "
                + "deleted; the record of the Message-ID stays so the mail is never handled twice";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Rows.update(
                "WITH batch AS (SELECT id FROM inbound_mail m WHERE received_at < :cutoff "
                        + "AND NOT EXISTS (SELECT 1 FROM unmatched_mail u WHERE u.id = m.id) "
                        + "AND (from_address IS NOT NULL OR EXISTS (SELECT 1 FROM inbound_attachment a WHERE a.mail_id = m.id)) "
                        + "ORDER BY received_at LIMIT :limit FOR UPDATE SKIP LOCKED), "
                        + "files AS (DELETE FROM inbound_attachment WHERE mail_id IN (SELECT id FROM batch)) "
                        + "UPDATE inbound_mail SET from_address = NULL WHERE id IN (SELECT id FROM batch)",
                Map.of("cutoff", cutoff, "limit", limit));
    }
}
