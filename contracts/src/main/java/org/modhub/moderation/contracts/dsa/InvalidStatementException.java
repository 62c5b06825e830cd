package org.modhub.moderation.contracts.dsa;

import java.util.List;
import java.util.stream.Collectors;

/** A statement of reasons that breaks the Transparency Database's rules or the hub's; lists every violation. */
public class InvalidStatementException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public InvalidStatementException(String puid, List<Violation> violations) {
        super("invalid statement of reasons" + (puid == null ? "" : " " + puid) + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in the order found. */
    public List<Violation> violations() {
        return violations;
    }
}
