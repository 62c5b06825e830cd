package org.modhub.moderation.kit.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/**
 * Gauges a service reads from its own tables: a bean of this type is read by {@link MetricSampler} every
 * {@code kit.metrics.sample-every}, with one short query on the bare pool. The business rule (which rows count, which
 * states mean "waiting") stays in the service that owns the table; the kit only runs the samples and publishes what
 * they read.
 */
public interface MetricSample {

    /**
     * Reads the current values with one short query.
     *
     * @param pool the service's reactive pool (no session, no transaction)
     * @param now the service clock's now, never the database's (tests move the clock)
     * @return a value per series; a series read before but missing now reads 0
     */
    Uni<List<Reading>> read(Pool pool, Instant now);

    /** One value of one series: the meter's name as Micrometer spells it, its tags, the value. */
    record Reading(String name, Tags tags, double value) {

        public static Reading of(String name, double value, String... tags) {
            return new Reading(name, Tags.of(tags), value);
        }
    }

    /**
     * A sample of one age: {@code query} returns at most one row whose first column is the oldest timestamp (none or
     * null: nothing waits), read as the series {@code name} in seconds up to {@code now}.
     */
    static Uni<List<Reading>> age(Pool pool, String query, Instant now, String name) {
        return Uni.createFrom()
                .completionStage(() -> pool.query(query).execute().toCompletionStage())
                .map(rows -> {
                    OffsetDateTime oldest = null;
                    for (Row row : rows) {
                        oldest = row.getOffsetDateTime(0);
                    }
                    return List.of(Reading.of(name, ageSeconds(now, oldest)));
                });
    }

    /** Seconds from {@code oldest} to {@code now}; 0 when there is none (or it lies ahead). */
    static double ageSeconds(Instant now, OffsetDateTime oldest) {
        if (oldest == null) {
            return 0;
        }
        Duration age = Duration.between(oldest.toInstant(), now);
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
