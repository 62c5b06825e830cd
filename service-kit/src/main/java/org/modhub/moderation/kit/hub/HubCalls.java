package org.modhub.moderation.kit.hub;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

/**
 * Every call to the hub goes through {@link #call}: one circuit breaker for the one hub, a timeout per attempt
 * ({@code kit.hub.timeout}, applied by {@link HubTimeoutConfig}), and retries of what may pass (5xx, 408, 429,
 * timeouts, dropped connections), never of a 404 or of an answer the directory refuses. A separate bean, so the
 * fault-tolerance interceptors apply.
 */
@ApplicationScoped
public class HubCalls {

    /** The call's identity in {@code quarkus.fault-tolerance."<identifier>"} settings and in the FT metrics. */
    static final String IDENTIFIER = "org.modhub.moderation.kit.hub.HubCalls/call";

    /**
     * The answer of one request: present for a 2xx, empty for a 404. Fails with {@link HubTransientException},
     * {@link HubRefusedException}, a {@link TimeoutException} or, while the circuit is open, a
     * {@code CircuitBreakerOpenException}.
     */
    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(
            maxRetries = 2,
            delay = 100,
            jitter = 50,
            retryOn = {HubTransientException.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            skipOn = HubRefusedException.class)
    public <T> Uni<Optional<RestResponse<T>>> call(Supplier<Uni<RestResponse<T>>> request) {
        return Uni.createFrom()
                .<RestResponse<T>>deferred(() -> request.get())
                .map(HubCalls::answer)
                .onFailure(HubCalls::notFound)
                .recoverWithItem(Optional.empty())
                .onFailure()
                .transform(HubCalls::classify);
    }

    private static <T> Optional<RestResponse<T>> answer(RestResponse<T> response) {
        int status = response.getStatus();
        if (status / 100 == 2) {
            return Optional.of(response);
        }
        if (status == 404) {
            return Optional.empty();
        }
        throw byStatus(status);
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException wae
                && wae.getResponse() != null
                && wae.getResponse().getStatus() == 404;
    }

    private static RuntimeException byStatus(int status) {
        if (status >= 500 || status == 408 || status == 429) {
            return new HubTransientException("the hub answered " + status, null);
        }
        if (status / 100 == 3) {
            return new HubRefusedException("the hub answered with a redirect (" + status + "), which is not followed");
        }
        return new HubRefusedException("the hub answered " + status);
    }

    /** What a failure means for retrying: a refusal stays one, a status is judged by its code, the rest may pass. */
    static Throwable classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubRefusedException || t instanceof HubTransientException) {
                return t;
            }
            if (t instanceof WebApplicationException wae && wae.getResponse() != null) {
                return byStatus(wae.getResponse().getStatus());
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new HubRefusedException("the hub's answer is not the JSON expected: " + t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new HubTransientException("the hub could not be reached: " + failure, failure);
    }
}
