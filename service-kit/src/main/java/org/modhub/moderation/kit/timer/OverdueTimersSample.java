package org.modhub.moderation.kit.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.modhub.moderation.kit.metrics.MetricSample;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code kit_timers_overdue{kind}} and {@code kit_timers_overdue_oldest_seconds{kind}}: pending timers whose due time
 * passed more than a minute ago by the service clock (the worker looks every {@code kit.timers.poll-every}, 5 s, so a
 * healthy one never leaves a timer that late), and how late the latest of them is. Every kind this service handles
 * reads 0 when none is overdue; a kind without a handler shows up when one of its timers is overdue. One range read
 * of the partial index of pending timers.
 */
@ApplicationScoped
public class OverdueTimersSample implements MetricSample {

    static final String OVERDUE = "kit.timers.overdue";
    static final String OLDEST = "kit.timers.overdue_oldest_seconds";

    /** Late by more than this counts as overdue. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private static final String QUERY = "SELECT kind, count(*), min(due_at) FROM kit_timer "
            + "WHERE fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL AND due_at < $1 GROUP BY kind";

    private final TimerWorker worker;

    public OverdueTimersSample(TimerWorker worker) {
        this.worker = worker;
    }

    @Override
    public Uni<List<Reading>> read(Pool pool, Instant now) {
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(GRACE), ZoneOffset.UTC);
        return Uni.createFrom()
                .completionStage(() ->
                        pool.preparedQuery(QUERY).execute(Tuple.of(before)).toCompletionStage())
                .map(rows -> {
                    List<Reading> readings = new ArrayList<>();
                    Set<String> quiet = new TreeSet<>(worker.kinds());
                    for (Row row : rows) {
                        String kind = row.getString(0);
                        quiet.remove(kind);
                        readings.add(Reading.of(OVERDUE, row.getLong(1), "kind", kind));
                        readings.add(Reading.of(
                                OLDEST, MetricSample.ageSeconds(now, row.getOffsetDateTime(2)), "kind", kind));
                    }
                    for (String kind : quiet) {
                        readings.add(Reading.of(OVERDUE, 0, "kind", kind));
                        readings.add(Reading.of(OLDEST, 0, "kind", kind));
                    }
                    return readings;
                });
    }
}
