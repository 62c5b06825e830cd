package org.modhub.moderation.contracts.action;

/** The DSA statement {@code automated_decision}: how far the decision was automated. Names are the API strings. */
public enum AutomatedDecision {
    AUTOMATED_DECISION_FULLY("Fully automated"),
    AUTOMATED_DECISION_PARTIALLY("Partially automated"),
    AUTOMATED_DECISION_NOT_AUTOMATED("Not Automated");

    private final String label;

    AutomatedDecision(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
