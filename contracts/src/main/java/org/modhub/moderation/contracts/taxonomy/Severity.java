package org.modhub.moderation.contracts.taxonomy;

import java.util.Comparator;

/**
 * How urgently a kind of restricted content must be dealt with. Review-service derives a case's
 * queue priority from it, so the order matters: a higher {@link #rank()} is more urgent.
 */
public enum Severity {
    /** Act at once, before anything else in the queue (child sexual content, terrorist content). */
    CRITICAL(4),
    /** Serious harm to people or systems; handled ahead of routine cases. */
    HIGH(3),
    /** Harm that a timely routine review handles. */
    MEDIUM(2),
    /** Nuisance or platform hygiene. */
    LOW(1);

    /** Most urgent first. */
    public static final Comparator<Severity> MOST_URGENT_FIRST =
            Comparator.comparingInt(Severity::rank).reversed();

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** 4 for {@link #CRITICAL} down to 1 for {@link #LOW}. */
    public int rank() {
        return rank;
    }

    /** Whether this is at least as urgent as {@code other}. */
    public boolean isAtLeast(Severity other) {
        return rank >= other.rank;
    }

    /** The more urgent of the two. */
    public static Severity max(Severity a, Severity b) {
        return a.rank >= b.rank ? a : b;
    }
}
