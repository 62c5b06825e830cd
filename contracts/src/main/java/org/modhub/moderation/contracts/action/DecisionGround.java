package org.modhub.moderation.contracts.action;

import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/** The DSA statement {@code decision_ground}: the law, or the hub's terms. Names are the API strings. */
public enum DecisionGround {
    DECISION_GROUND_ILLEGAL_CONTENT("Illegal Content"),
    DECISION_GROUND_INCOMPATIBLE_CONTENT("Content incompatible with terms and conditions");

    private final String label;

    DecisionGround(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }

    /** The ground a decision on {@code subcategory} starts from; the moderator may choose the other. */
    public static DecisionGround defaultFor(PolicySubcategory subcategory) {
        return subcategory != null && subcategory.allegesIllegalContent()
                ? DECISION_GROUND_ILLEGAL_CONTENT
                : DECISION_GROUND_INCOMPATIBLE_CONTENT;
    }
}
