package org.modhub.moderation.review.transparency;

import java.time.Instant;
import java.util.List;

import org.modhub.moderation.kit.metrics.MetricSample;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the statements of reasons stand for the DSA Transparency Database (Art. 24(5)), sampled by the kit's
 * {@code MetricSampler}: {@code review_statements_pending} (PENDING: not yet accepted, whether due now or backing off
 * after a failure), {@code review_statements_invalid} (INVALID: they failed the checks before sending or the database
 * refused them with 422; only a person can correct them, nothing retries them) and
 * {@code review_statements_oldest_unsubmitted_seconds} (the oldest PENDING one, since it was queued; 0 when none).
 * SUBMITTED and SKIPPED ones are done. Each count reads a partial index.
 */
@ApplicationScoped
public class StatementBacklogSample implements MetricSample {

    private static final String QUERY = "SELECT (SELECT count(*) FROM statement_submission WHERE state = '"
            + StatementSubmitter.PENDING + "'), (SELECT count(*) FROM statement_submission WHERE state = '"
            + StatementSubmitter.INVALID + "'), (SELECT min(created_at) FROM statement_submission WHERE state = '"
            + StatementSubmitter.PENDING + "')";

    @Override
    public Uni<List<Reading>> read(Pool pool, Instant now) {
        return Uni.createFrom()
                .completionStage(() -> pool.query(QUERY).execute().toCompletionStage())
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return List.of(
                            Reading.of("review.statements.pending", row.getLong(0)),
                            Reading.of("review.statements.invalid", row.getLong(1)),
                            Reading.of(
                                    "review.statements.oldest_unsubmitted_seconds",
                                    MetricSample.ageSeconds(now, row.getOffsetDateTime(2))));
                });
    }
}
