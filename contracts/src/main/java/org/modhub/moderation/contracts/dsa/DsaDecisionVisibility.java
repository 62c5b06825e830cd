package org.modhub.moderation.contracts.dsa;

/** The DSA statement {@code decision_visibility} values: restrictions on one item of content. */
public enum DsaDecisionVisibility {
    DECISION_VISIBILITY_CONTENT_REMOVED("Removal of content"),
    DECISION_VISIBILITY_CONTENT_DISABLED("Disabling access to content"),
    DECISION_VISIBILITY_CONTENT_DEMOTED("Demotion of content"),
    DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED("Age restricted content"),
    DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED("Restricting interaction with content"),
    DECISION_VISIBILITY_CONTENT_LABELLED("Labelled content"),
    /** Needs the free-text {@code decision_visibility_other} in the statement. */
    DECISION_VISIBILITY_OTHER("Other restriction (please specify)");

    private final String label;

    DsaDecisionVisibility(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
