package org.modhub.moderation.notification.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code unmatched-mail}: mail no service owns is kept for staff 180 days after it arrived, then deleted with its
 * attachments, and its gateway record forgets the sender (as {@link InboundMailRetention} does for other mail). Its
 * receipt is a delivery like any other ({@link DeliveryRetention}).
 */
@ApplicationScoped
public class UnmatchedMailRetention implements RetentionRule {

    @Override
    public String kind() {
        return "unmatched-mail";
    }

    @Override
    public String description() {
        return "Mail kept for staff received before the cutoff: deleted with its attachments, handled or not";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Rows.update(
                "WITH batch AS (SELECT id FROM unmatched_mail WHERE received_at < :cutoff "
                        + "ORDER BY received_at LIMIT :limit FOR UPDATE SKIP LOCKED), "
                        + "files AS (DELETE FROM inbound_attachment WHERE mail_id IN (SELECT id FROM batch)), "
                        + "record AS (UPDATE inbound_mail SET from_address = NULL WHERE id IN (SELECT id FROM batch)) "
                        + "DELETE FROM unmatched_mail WHERE id IN (SELECT id FROM batch)",
                Map.of("cutoff", cutoff, "limit", limit));
    }
}
