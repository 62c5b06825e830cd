package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.kit.metrics.MetricSample;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code review_cases_overdue{severity}}: cases not closed (open, claimed, awaiting the owner or a second pair of eyes)
 * whose due time has passed by the service clock, by their severity in lower case; every severity reads 0 when none is
 * overdue. One range read of the partial index of open cases by due time ({@code review_case_due}).
 */
@ApplicationScoped
public class OverdueCasesSample implements MetricSample {

    private static final String QUERY =
            "SELECT severity, count(*) FROM review_case " + "WHERE state <> 'CLOSED' AND due_at < $1 GROUP BY severity";

    @Override
    public Uni<List<Reading>> read(Pool pool, Instant now) {
        return Uni.createFrom()
                .completionStage(() -> pool.preparedQuery(QUERY)
                        .execute(Tuple.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                        .toCompletionStage())
                .map(rows -> {
                    Map<String, Long> bySeverity = new TreeMap<>();
                    for (Severity severity : Severity.values()) {
                        bySeverity.put(label(severity.name()), 0L);
                    }
                    for (Row row : rows) {
                        bySeverity.merge(label(row.getString(0)), row.getLong(1), Long::sum);
                    }
                    List<Reading> readings = new ArrayList<>();
                    bySeverity.forEach((severity, count) ->
                            readings.add(Reading.of("review.cases.overdue", count, "severity", severity)));
                    return readings;
                });
    }

    private static String label(String severity) {
        return severity.toLowerCase(Locale.ROOT);
    }
}
