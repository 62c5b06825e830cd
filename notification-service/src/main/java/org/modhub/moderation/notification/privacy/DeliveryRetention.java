package org.modhub.moderation.notification.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code mail-deliveries}: a year after a mail was queued, the delivery log keeps only that it was sent (template,
 * status, attempts, times, Message-ID): the address, account, parameters, subject, the Message-ID of the person's mail
 * it answered and any quote of the address in the last error go. A mail still waiting is left alone; rows already
 * anonymised (by this rule or an erasure) are not selected again.
 */
@ApplicationScoped
public class DeliveryRetention implements RetentionRule {

    /** What replaces the address of an expired delivery. */
    public static final String EXPIRED = "expired";

    @Override
    public String kind() {
        return "mail-deliveries";
    }

    @Override
    public String description() {
        return "Deliveries queued before the cutoff: recipient address and account, parameters, subject and the "
                + "answered Message-ID removed; template, status and times stay for the delivery log";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        // In SET every column reads its old value: the address quoted in last_error is matched literally, any case.
        return Rows.update(
                "UPDATE mail_delivery SET recipient = :expired, recipient_user_id = NULL, "
                        + "parameters = CAST('{}' AS jsonb), subject_line = NULL, in_reply_to = NULL, "
                        + "last_error = regexp_replace(last_error, regexp_replace(recipient, '([^a-zA-Z0-9])', '\\\\\\1', 'g'), "
                        + ":expired, 'gi') WHERE id IN (SELECT id FROM mail_delivery WHERE created_at < :cutoff "
                        + "AND status NOT IN ('QUEUED', 'SENDING') AND recipient <> :expired AND recipient NOT LIKE 'erased:%' "
                        + "ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)",
                Map.of("expired", EXPIRED, "cutoff", cutoff, "limit", limit));
    }
}
