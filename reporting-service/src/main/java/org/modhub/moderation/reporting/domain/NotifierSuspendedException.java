package org.modhub.moderation.reporting.domain;

import java.time.Instant;
import java.util.List;

import org.modhub.moderation.kit.problem.ProblemException;

/** Report processing for this notifier is suspended (DSA Art. 23); answered 403 with the reason and the end date. */
public class NotifierSuspendedException extends ProblemException {

    public static final String TYPE = "urn:modhub:problem:notifier-suspended";

    private final Instant until;
    private final String reason;

    public NotifierSuspendedException(Instant until, String reason) {
        super(TYPE, "Report processing is suspended for this notifier", 403,
                "Your reports are not processed until " + until + ". Reason: " + reason, List.of());
        this.until = until;
        this.reason = reason;
    }

    public Instant until() {
        return until;
    }

    public String reason() {
        return reason;
    }
}
