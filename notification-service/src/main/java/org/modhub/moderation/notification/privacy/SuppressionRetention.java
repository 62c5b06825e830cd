package org.modhub.moderation.notification.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code suppressions}: an address that bounced for good is kept off our mail for two years; then it is forgotten. Mail
 * to it is tried again, and a second hard bounce suppresses it again.
 */
@ApplicationScoped
public class SuppressionRetention implements RetentionRule {

    @Override
    public String kind() {
        return "suppressions";
    }

    @Override
    public String description() {
        return "Addresses suppressed (hard bounce or refusal) before the cutoff: deleted from the do-not-send list";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Rows.update(
                "DELETE FROM mail_suppression WHERE address IN (SELECT address FROM mail_suppression "
                        + "WHERE created_at < :cutoff ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)",
                Map.of("cutoff", cutoff, "limit", limit));
    }
}
