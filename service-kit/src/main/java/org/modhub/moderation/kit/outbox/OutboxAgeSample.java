package org.modhub.moderation.kit.outbox;

import java.time.Instant;
import java.util.List;

import org.modhub.moderation.kit.metrics.MetricSample;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code kit_outbox_oldest_unsent_seconds}: how long the oldest event not yet acknowledged by Kafka has waited (0 when
 * none). Rows are published in id order, so the first unsent id is the oldest: one probe of the partial index of
 * unsent rows.
 */
@ApplicationScoped
public class OutboxAgeSample implements MetricSample {

    static final String OLDEST_UNSENT = "kit.outbox.oldest_unsent_seconds";

    private static final String QUERY = "SELECT created_at FROM kit_outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1";

    @Override
    public Uni<List<Reading>> read(Pool pool, Instant now) {
        return MetricSample.age(pool, QUERY, now, OLDEST_UNSENT);
    }
}
