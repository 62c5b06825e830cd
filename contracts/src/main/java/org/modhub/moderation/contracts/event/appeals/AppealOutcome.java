package org.modhub.moderation.contracts.event.appeals;

/** How an appeal was decided. */
public enum AppealOutcome {
    /** The decision stands. */
    UPHELD("Decision upheld"),
    /** The decision is undone: restrictions lifted, or for a notifier's appeal, action now taken. */
    REVERSED("Decision reversed"),
    /** The decision is replaced by other actions. */
    MODIFIED("Decision modified");

    private final String label;

    AppealOutcome(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
