package org.modhub.moderation.reporting.domain;

import java.util.List;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

/** The notifier filed too many reports within the window; answered 429 with {@code Retry-After}. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(int limit, String window, long retryAfterSeconds) {
        super(ProblemKind.RATE_LIMITED, "You can file at most " + limit + " reports per " + window
                + "; try again in " + retryAfterSeconds + " seconds", List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
