package org.modhub.moderation.contracts.event.appeals;

/** How an out-of-court settlement body's procedure ended (the categories of DSA Art. 24(1)(a)). */
public enum DisputeOutcome {
    /** The body decided for the recipient of the service (the appellant). */
    IN_FAVOUR_OF_RECIPIENT,
    /** The body decided for the hub. */
    IN_FAVOUR_OF_PROVIDER,
    /** The parties settled. */
    SETTLED,
    /** Ended without a decision: withdrawn, refused by the body, or lapsed. */
    DISCONTINUED
}
