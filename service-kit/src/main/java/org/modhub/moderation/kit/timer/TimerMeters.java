package org.modhub.moderation.kit.timer;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The timers' meters by kind: {@code kit_timers_fired_total}, {@code kit_timers_failures_total},
 * {@code kit_timers_dead_total} and the {@code kit_timers_lateness_seconds} histogram. Each kind a service handles has
 * them from the start (at 0), so the TimerGaveUp alert's {@code increase()} sees a fresh pod's first dead timer.
 */
@ApplicationScoped
public class TimerMeters {

    /** The lateness buckets ({@code le}): the worker looks every few seconds, a legal clock counts in days. */
    private static final Duration[] LATENESS_BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofHours(1),
        Duration.ofDays(1)
    };

    private final MeterRegistry registry;

    public TimerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers every meter of each kind this service handles, at 0. */
    void register(@Observes StartupEvent start, @Any Instance<TimerHandler> handlers) {
        for (TimerHandler handler : handlers) {
            String kind = handler.kind();
            fired(kind);
            failures(kind);
            dead(kind);
            lateness(kind);
        }
    }

    Counter fired(String kind) {
        return Counter.builder("kit.timers.fired")
                .description("Timers fired")
                .tag("kind", kind)
                .register(registry);
    }

    Counter failures(String kind) {
        return Counter.builder("kit.timers.failures")
                .description("Failed attempts to fire a timer")
                .tag("kind", kind)
                .register(registry);
    }

    Counter dead(String kind) {
        return Counter.builder("kit.timers.dead")
                .description("Timers parked as dead after kit.timers.max-attempts")
                .tag("kind", kind)
                .register(registry);
    }

    /** From a timer's due time to its firing, by the service clock. */
    Timer lateness(String kind) {
        return Timer.builder("kit.timers.lateness")
                .description("From a timer's due time to its firing, by the service clock")
                .tag("kind", kind)
                .serviceLevelObjectives(LATENESS_BUCKETS)
                .register(registry);
    }
}
