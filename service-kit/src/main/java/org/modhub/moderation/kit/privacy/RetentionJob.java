package org.modhub.moderation.kit.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.config.KitConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The daily retention run (GDPR Art. 5(1)(e)): every {@link RetentionRule} of the service removes what is older than
 * its period ({@code kit.privacy.retention.<kind>}), one batch of {@code kit.privacy.batch-size} per short
 * transaction, so no run holds a lock for long. Every replica looks each {@code kit.privacy.check-every} whether the
 * run is due ({@code kit.privacy.run-every} after the last start, kept in {@code kit_retention_run}); the one whose
 * claim succeeds runs it, so a restart neither skips nor repeats a day. Each run counts what it removed
 * ({@code kit.privacy.retention.removed}, by kind) and writes one audit entry per kind that removed anything.
 */
@ApplicationScoped
public class RetentionJob {

    /** A rule that keeps finding a full batch stops after this many in one run; the next run goes on. */
    static final int MAX_BATCHES_PER_RULE = 10_000;

    /** Later than any start a run can have recorded (PostgreSQL's timestamps end long before Instant.MAX). */
    private static final Instant ANY_TIME = Instant.parse("9999-01-01T00:00:00Z");

    private final List<RetentionRule> rules;
    private final KitConfig.Privacy config;
    private final Clock clock;
    private final AuditTrail audit;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final String service;
    private final AtomicLong lastRunSeconds;

    public RetentionJob(
            Instance<RetentionRule> rules,
            KitConfig config,
            Clock clock,
            AuditTrail audit,
            MeterRegistry registry,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.rules = rules.stream().toList();
        this.config = config.privacy();
        this.clock = clock;
        this.audit = audit;
        this.registry = registry;
        this.json = json;
        this.service = service;
        this.lastRunSeconds = registry.gauge("kit.privacy.retention.last-run", new AtomicLong());
    }

    /** A rule without a period is a configuration mistake: the service refuses to start rather than keep forever. */
    void checkPeriods(@Observes StartupEvent start) {
        List<String> missing = new ArrayList<>();
        for (RetentionRule rule : rules) {
            if (!config.retention().containsKey(rule.kind())) {
                missing.add("kit.privacy.retention." + rule.kind());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No retention period configured for " + String.join(", ", missing));
        }
    }

    /** The schedule as configured: kind, period and what the rule does, in the order of the rules. */
    public List<ScheduleLine> schedule() {
        List<ScheduleLine> lines = new ArrayList<>();
        for (RetentionRule rule : rules) {
            Duration period = period(rule);
            lines.add(new ScheduleLine(rule.kind(), period.toString(), period.toDays(), rule.description()));
        }
        return lines;
    }

    /** One line of the schedule: the period as ISO-8601 ({@code PT4392H}) and in whole days. */
    public record ScheduleLine(String kind, String period, long days, String description) {}

    @Scheduled(
            every = "${kit.privacy.check-every:1h}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> runIfDue() {
        if (rules.isEmpty() || !config.scheduled()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return claim(now, now.minus(config.runEvery()))
                .chain(claimed ->
                        claimed ? run(now).replaceWithVoid() : Uni.createFrom().voidItem())
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.errorf(failure, "The retention run failed; it is tried again at the next check");
                    return null;
                });
    }

    /** Runs every rule now, whatever the last run was (operators and tests), and records the run. */
    public Uni<Map<String, Integer>> runNow() {
        Instant now = clock.instant();
        return claim(now, ANY_TIME).chain(() -> run(now));
    }

    private Uni<Boolean> claim(Instant now, Instant startedBefore) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE kit_retention_run SET started_at = :now WHERE name = 'daily' "
                                + "AND (started_at IS NULL OR started_at < :before)")
                        .setParameter("now", now)
                        .setParameter("before", startedBefore)
                        .executeUpdate())
                .map(updated -> updated == 1));
    }

    private Uni<Map<String, Integer>> run(Instant now) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RetentionRule rule : rules) {
            chain = chain.chain(() -> runRule(rule, now.minus(period(rule))).invoke(n -> removed.put(rule.kind(), n)))
                    .replaceWithVoid();
        }
        return chain.chain(() -> finish(now, removed)).replaceWith(removed);
    }

    private Uni<Integer> runRule(RetentionRule rule, Instant cutoff) {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        int limit = config.batchSize();
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> rule.purge(cutoff, limit)))
                .invoke(n -> {
                    total.addAndGet(n);
                    batches.incrementAndGet();
                })
                .repeat()
                .until(n -> n < limit || batches.get() >= MAX_BATCHES_PER_RULE)
                .collect()
                .last()
                .map(ignored -> total.get())
                .invoke(n -> registry.counter("kit.privacy.retention.removed", "kind", rule.kind())
                        .increment(n))
                .call(n -> n == 0
                        ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> audit.record(
                                AuditTrail.system(service),
                                "retention.purged",
                                "retention",
                                rule.kind(),
                                null,
                                n + " expired before " + cutoff + ": " + rule.description())))
                .invoke(n -> Log.infof("Retention %s: %d removed (expired before %s)", rule.kind(), n, cutoff));
    }

    private Uni<Void> finish(Instant now, Map<String, Integer> removed) {
        String counts;
        try {
            counts = json.writeValueAsString(removed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("UPDATE kit_retention_run SET finished_at = :now, "
                                        + "removed = :removed WHERE name = 'daily'")
                                .setParameter("now", clock.instant())
                                .setParameter("removed", counts)
                                .executeUpdate()))
                .invoke(() -> lastRunSeconds.set(now.getEpochSecond()))
                .replaceWithVoid();
    }

    /** The last finished run: when it started and finished, and what each kind removed; empty before the first. */
    public Uni<LastRun> lastRun() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT started_at, finished_at, removed FROM kit_retention_run WHERE name = 'daily'",
                                Object[].class)
                        .getSingleResult())
                .map(row -> new LastRun(instant(row[0]), instant(row[1]), counts((String) row[2]))));
    }

    /** The retention run's record: when the last run started and finished, and what each kind removed. */
    public record LastRun(Instant startedAt, Instant finishedAt, Map<String, Integer> removed) {}

    private Map<String, Integer> counts(String removed) {
        try {
            return json.readValue(
                    removed, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kit_retention_run.removed is not a JSON object of counts", e);
        }
    }

    private Duration period(RetentionRule rule) {
        return config.retention().get(rule.kind());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
