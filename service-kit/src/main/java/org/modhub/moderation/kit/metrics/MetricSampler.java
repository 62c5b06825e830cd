package org.modhub.moderation.kit.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Reads every {@link MetricSample} of the service every {@code kit.metrics.sample-every} (15 s; {@code off} in tests,
 * which call {@link #sampleNow()}) and publishes what they read as gauges, so a scrape never waits for the database and
 * an idle service costs one short query per sample per period. Samples are read one after another; one that fails is
 * logged and keeps its last values, the others are published. A series a sample read once and no longer returns reads
 * 0 rather than vanishing, so an alert sees it clear.
 */
@ApplicationScoped
public class MetricSampler {

    private final List<MetricSample> samples;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<Series, AtomicLong> values = new ConcurrentHashMap<>();
    private final Map<MetricSample, Set<Series>> lastRead = new ConcurrentHashMap<>();

    public MetricSampler(@Any Instance<MetricSample> samples, Pool pool, Clock clock, MeterRegistry registry) {
        this.samples = samples.stream().toList();
        this.pool = pool;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(
            every = "${kit.metrics.sample-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class, // no reads while the pools shut down
            identity = "kit-metrics-sampler")
    Uni<Void> scheduled() {
        return sampleNow();
    }

    /** Reads every sample now and publishes the values (the scheduler's round; tests call it after moving the clock). */
    public Uni<Void> sampleNow() {
        Instant now = clock.instant();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MetricSample sample : samples) {
            chain = chain.chain(() -> Uni.createFrom()
                    .deferred(() -> sample.read(pool, now))
                    .invoke(readings -> publish(sample, readings))
                    .replaceWithVoid()
                    .onFailure()
                    .recoverWithItem(failure -> {
                        Log.warnf(
                                "Metric sample %s failed; its gauges keep their last values: %s",
                                sample.getClass().getSimpleName(), failure.toString());
                        return null;
                    }));
        }
        return chain;
    }

    private void publish(MetricSample sample, List<MetricSample.Reading> readings) {
        Set<Series> read = new HashSet<>();
        for (MetricSample.Reading reading : readings) {
            Series series = new Series(reading.name(), reading.tags());
            read.add(series);
            set(series, reading.value());
        }
        Set<Series> before = lastRead.put(sample, read);
        if (before != null) {
            for (Series gone : before) {
                if (!read.contains(gone)) {
                    set(gone, 0);
                }
            }
        }
    }

    private void set(Series series, double value) {
        values.computeIfAbsent(series, this::register).set(Double.doubleToLongBits(value));
    }

    private AtomicLong register(Series series) {
        AtomicLong holder = new AtomicLong(Double.doubleToLongBits(0));
        Gauge.builder(series.name(), holder, h -> Double.longBitsToDouble(h.get()))
                .tags(series.tags())
                .strongReference(true)
                .register(registry);
        return holder;
    }

    private record Series(String name, Tags tags) {}
}
