package org.modhub.moderation.kit.problem;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.modhub.moderation.kit.config.KitConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Past {@code kit.http.max-in-flight} requests at once, a replica refuses the next at once with a
 * 503 ({@code urn:modhub:problem:overloaded}, {@code Retry-After: 1}) instead of queueing it. Under
 * more load than its CPUs serve, a request otherwise waits behind all the others while holding its
 * buffers: in the bench's open run at twice what the suite serves, reporting answered after 11 s
 * and its resident memory passed 650 MiB, near the chart's 768 Mi limit. A refused request was never
 * accepted, so nothing of it is lost; the client sends it again. Health, metrics and OpenAPI
 * ({@code /q/}) are never refused, so probes keep answering.
 */
@ApplicationScoped
public class InFlightLimitFilter {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    private final ObjectMapper mapper;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    public InFlightLimitFilter(KitConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.limit = config.http().maxInFlight();
        this.mapper = mapper;
        registry.gauge("kit.http.in.flight", inFlight);
        this.refused = registry.counter("kit.http.refused.overload");
    }

    void register(@Observes Router router) {
        // Before the body limit and everything else: a refusal should cost as little as possible.
        router.route().order(Integer.MIN_VALUE + 50).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        if (ctx.normalizedPath().startsWith("/q/")) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
            RouteProblems.send(
                    ctx,
                    mapper,
                    ProblemKind.OVERLOADED,
                    "The service is serving " + limit + " requests; send this one again in " + RETRY_AFTER_SECONDS
                            + " s");
            return;
        }
        // Once per request, whether the response was sent or the connection dropped.
        AtomicBoolean released = new AtomicBoolean();
        ctx.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        });
        ctx.next();
    }
}
