package org.modhub.moderation.contracts.event.appeals;

/** How an out-of-court settlement body's procedure ended (the categories of DSA Art. 24(1)(a)). */
public enum DisputeOutcome {
    /** The body decided for the recipient of the service (the appellant). */
    IN_FAVOUR_OF_RECIPIENT("Decided in favour of the recipient"),
    /** The body decided for the hub. */
    IN_FAVOUR_OF_PROVIDER("Decided in favour of the hub"),
    /** The parties settled. */
    SETTLED("Settled by the parties"),
    /** Ended without a decision: withdrawn, refused by the body, or lapsed. */
    DISCONTINUED("Discontinued without a decision");

    private final String label;

    DisputeOutcome(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
