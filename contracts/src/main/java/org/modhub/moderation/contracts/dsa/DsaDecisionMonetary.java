package org.modhub.moderation.contracts.dsa;

/** The DSA statement {@code decision_monetary} values: restrictions on monetary payments (DSA Art. 17(1)(b)). */
public enum DsaDecisionMonetary {
    DECISION_MONETARY_SUSPENSION("Suspension of monetary payments"),
    DECISION_MONETARY_TERMINATION("Termination of monetary payments"),
    /** Needs the free-text {@code decision_monetary_other} in the statement. */
    DECISION_MONETARY_OTHER("Other restriction (please specify)");

    private final String label;

    DsaDecisionMonetary(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
