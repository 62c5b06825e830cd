package org.modhub.moderation.contracts.dsa;

/** The DSA statement {@code decision_account} values: restrictions on the uploader's account. */
public enum DsaDecisionAccount {
    DECISION_ACCOUNT_SUSPENDED("Suspension of the account"),
    DECISION_ACCOUNT_TERMINATED("Termination of the account");

    private final String label;

    DsaDecisionAccount(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
