package org.modhub.moderation.matching.api;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The upload check's meters: {@code matching_check_latency_seconds} and {@code matching_check_failures_total{reason}}.
 * Registered at start, so the UploadChecksFailing alert and the dashboards read 0 before the first check, not nothing.
 */
@ApplicationScoped
public class CheckMeters {

    /** The reasons {@link UploadCheckResource#reason(Throwable)} gives. */
    static final List<String> REASONS = List.of("database", "error");

    private final MeterRegistry registry;
    private final Timer latency;

    public CheckMeters(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("matching.check.latency")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void register(@Observes StartupEvent start) {
        REASONS.forEach(this::failures);
    }

    Timer latency() {
        return latency;
    }

    Counter failures(String reason) {
        return registry.counter("matching.check.failures", "reason", reason);
    }
}
