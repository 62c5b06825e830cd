package org.modhub.moderation.dmca.api;

import java.util.List;

import org.modhub.moderation.kit.validation.FieldChecks;

/** A bounded list in a request body, a check {@link FieldChecks} has only for links. */
final class ListBound {

    private ListBound() {}

    /** Whether {@code list} is present and holds at most {@code max} items; a longer one is recorded on {@code field}. */
    static boolean within(FieldChecks check, List<?> list, String field, int max) {
        if (list == null) {
            return false;
        }
        if (list.size() > max) {
            check.add(field, "must list at most " + max + " items");
            return false;
        }
        return true;
    }
}
