package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

/** Too many notices from one address or sender within the window; answered 429 with {@code Retry-After}. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(String who, int limit, String window, long retryAfterSeconds) {
        super(ProblemKind.RATE_LIMITED, "At most " + limit + " notices per " + window + " are accepted from one " + who
                + "; try again in " + retryAfterSeconds + " seconds", List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
