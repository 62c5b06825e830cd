package org.modhub.moderation.appeals.domain;

import java.util.List;

/** The median of the transparency figures (time to decide an appeal, to settle a dispute). */
final class Median {

    private Median() {}

    /** The median of {@code values}, sorted ascending; null for none. */
    static Double of(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? (double) sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
