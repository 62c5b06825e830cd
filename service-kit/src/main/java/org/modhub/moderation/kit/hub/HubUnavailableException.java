package org.modhub.moderation.kit.hub;

import java.time.Duration;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

/**
 * The hub did not answer (down, slow, refusing, circuit open). A REST caller gets 503 with
 * {@code Retry-After}; a Kafka consumer treats it as an outage and waits, leaving the event
 * unacknowledged, so nothing proceeds on a guess and nothing is lost.
 */
public class HubUnavailableException extends ProblemException {

    private final transient Throwable reason;

    public HubUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(
                ProblemKind.typeOf("hub-unavailable"),
                "The hub directory is unavailable; try again later",
                503,
                detail,
                java.util.List.of());
        long seconds = Math.max(1, retryAfter.toSeconds());
        with("retryAfterSeconds", seconds);
        header("Retry-After", Long.toString(seconds));
        this.reason = cause;
    }

    /** What failed on the way to the hub (timeout, refused connection, 5xx, open circuit); may be null. */
    public Throwable reason() {
        return reason;
    }
}
