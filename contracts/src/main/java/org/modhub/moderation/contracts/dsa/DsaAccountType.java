package org.modhub.moderation.contracts.dsa;

/**
 * The DSA statement {@code account_type} values: whether the affected account is a business user
 * in the sense of Regulation (EU) 2019/1150 or a private one. Optional in a statement.
 */
public enum DsaAccountType {
    ACCOUNT_TYPE_BUSINESS("Business"),
    ACCOUNT_TYPE_PRIVATE("Private");

    private final String label;

    DsaAccountType(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
