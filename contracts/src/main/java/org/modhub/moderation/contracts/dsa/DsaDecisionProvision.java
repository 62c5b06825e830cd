package org.modhub.moderation.contracts.dsa;

/**
 * The DSA statement {@code decision_provision} values: suspension or termination of the provision
 * of the service (DSA Art. 17(1)(c)).
 */
public enum DsaDecisionProvision {
    DECISION_PROVISION_PARTIAL_SUSPENSION("Partial suspension of the provision of the service"),
    DECISION_PROVISION_TOTAL_SUSPENSION("Total suspension of the provision of the service"),
    DECISION_PROVISION_PARTIAL_TERMINATION("Partial termination of the provision of the service"),
    DECISION_PROVISION_TOTAL_TERMINATION("Total termination of the provision of the service");

    private final String label;

    DsaDecisionProvision(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
