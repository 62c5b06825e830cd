package org.modhub.moderation.notification.mail;

import java.time.Instant;
import java.util.List;

import org.modhub.moderation.kit.metrics.MetricSample;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notification_outbound_oldest_unsent_seconds}: how long the oldest mail the SMTP server has not accepted yet,
 * and that has not failed for good, has waited since it was queued (0 when none). That is every QUEUED row (waiting
 * for a lane or a retry) and every SENDING one; SENT, FAILED, BOUNCED and SUPPRESSED are done. A mail the recipient's
 * rate limit holds back (its last error says so, {@code MailClaims}) waits on purpose and is left out: the
 * OutboundMailStalled alert is about mail the SMTP server does not take. Sampled by the kit's {@code MetricSampler}.
 */
@ApplicationScoped
public class OutboundBacklogSample implements MetricSample {

    private static final String QUERY =
            "SELECT min(created_at) FROM mail_delivery WHERE status IN ('QUEUED', 'SENDING') "
                    + "AND (last_error IS NULL OR last_error NOT LIKE 'rate limited:%')";

    @Override
    public Uni<List<Reading>> read(Pool pool, Instant now) {
        return MetricSample.age(pool, QUERY, now, "notification.outbound.oldest_unsent_seconds");
    }
}
