package org.modhub.moderation.contracts.dsa;

import java.util.Objects;

/**
 * One thing wrong with a statement of reasons, named by the API attribute it concerns, like one
 * entry of the Transparency Database's 422 {@code errors} object.
 *
 * @param field the API attribute name, e.g. {@code decision_visibility_other}
 * @param message what is wrong, in the API's style ("The puid field is required.")
 * @param rejectedByDatabase {@code true} where the database itself answers 422; {@code false} for
 *        the hub's stricter rules: values the database would silently drop or ignore, keywords
 *        that do not fit the category, personal data, and the like. Exports must have no violation
 *        of either kind.
 */
public record Violation(String field, String message, boolean rejectedByDatabase) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message + (rejectedByDatabase ? "" : " (hub rule)");
    }
}
