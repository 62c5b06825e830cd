package org.modhub.moderation.contracts.event.appeals;

/** How an appeal was decided. */
public enum AppealOutcome {
    /** The decision stands. */
    UPHELD,
    /** The decision is undone: restrictions lifted, or for a notifier's appeal, action now taken. */
    REVERSED,
    /** The decision is replaced by other actions. */
    MODIFIED
}
