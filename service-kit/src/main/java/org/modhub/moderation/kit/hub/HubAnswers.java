package org.modhub.moderation.kit.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The directory's answers: a bounded cache on the kit's clock (found answers for {@code kit.hub.cache.ttl}, "no such
 * thing" for {@code negative-ttl}, failures never), the {@code kit.hub.lookups} and {@code kit.hub.latency} metrics,
 * and every failure turned into {@link HubUnavailableException}.
 */
@ApplicationScoped
class HubAnswers {

    private final HubConfig config;
    private final MeterRegistry registry;
    private final Cache<String, Answer> cache;

    HubAnswers(HubConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.registry = registry;
        long ttl = config.cache().ttl().toNanos();
        long negativeTtl = config.cache().negativeTtl().toNanos();
        // The kit's clock, so an answer expires when business time says so (tests and the e2e suite move it).
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cache().maxEntries())
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(new Expiry<String, Answer>() {
                    @Override
                    public long expireAfterCreate(String key, Answer answer, long now) {
                        return answer.found() ? ttl : negativeTtl;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Answer answer, long now, long current) {
                        return expireAfterCreate(key, answer, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Answer answer, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** A cached answer; {@code found} false means "no such thing", kept for the shorter negative TTL. */
    private record Answer(Object value, boolean found) {}

    /**
     * The cached answer, or the hub's, kept for {@code kit.hub.cache.ttl} ({@code negative-ttl} when nothing was
     * found). Failures are not kept: the next lookup asks again.
     */
    @SuppressWarnings("unchecked")
    <T> Uni<T> lookup(String what, String key, Supplier<Uni<T>> fetch, Predicate<T> found) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            Answer cached = cache.getIfPresent(key);
            if (cached != null) {
                count(sample, what, "hit");
                return Uni.createFrom().item((T) cached.value());
            }
            return fetch.get()
                    .invoke(value -> {
                        boolean present = found.test(value);
                        cache.put(key, new Answer(value, present));
                        count(sample, what, present ? "miss" : "unknown");
                    })
                    .onFailure()
                    .transform(failure -> {
                        count(sample, what, "error");
                        return unavailable(failure);
                    });
        });
    }

    /** One lookup in {@code kit.hub.lookups} and its time in {@code kit.hub.latency}, both by what and result. */
    private void count(Timer.Sample sample, String what, String result) {
        Counter.builder("kit.hub.lookups")
                .description("Hub directory lookups by what was looked up and how it was answered")
                .tag("what", what)
                .tag("result", result)
                .register(registry)
                .increment();
        sample.stop(Timer.builder("kit.hub.latency")
                .description("Time to answer a hub directory lookup, from the cache (hit) or the hub")
                .tag("what", what)
                .tag("result", result)
                .publishPercentiles(0.5, 0.99)
                .register(registry));
    }

    private HubUnavailableException unavailable(Throwable failure) {
        if (failure instanceof HubUnavailableException already) {
            return already;
        }
        String why;
        if (failure instanceof CircuitBreakerOpenException) {
            why = "the hub failed repeatedly; not asking it for a while";
        } else if (failure instanceof TimeoutException) {
            why = "the hub did not answer in time";
        } else if (failure instanceof HubRefusedException || failure instanceof HubTransientException) {
            why = failure.getMessage();
        } else {
            why = "the hub could not be asked";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // The failures that opened the circuit were logged; a consumer waiting out the outage asks often.
            Log.debugf("hub directory: %s", why);
        } else {
            Log.warnf("hub directory: %s (%s)", why, failure.toString());
        }
        return new HubUnavailableException("The hub directory could not answer: " + why, config.retryAfter(), failure);
    }
}
