package org.modhub.moderation.contracts.event.review;

/** What led to a case or decision. */
public enum DecisionOrigin {
    /** One or more reports (the decision lists their ids). */
    REPORT("Notice (report)"),
    /** A DMCA notice, a counter-notice or its restoration clock (the decision names the notice). */
    DMCA("DMCA notice"),
    /** An appeal against an earlier decision (the decision names the appeal). */
    APPEAL("Appeal"),
    /** The hub's own initiative, without a report. */
    OWN_INITIATIVE("Own initiative");

    private final String label;

    DecisionOrigin(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
