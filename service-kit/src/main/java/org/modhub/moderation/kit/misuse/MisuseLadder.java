package org.modhub.moderation.kit.misuse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The misuse ladder of DSA Art. 23: a person who often sends manifestly unfounded notices or
 * complaints is first warned, then not heard for a time that doubles with each suspension up to a
 * cap. Judged on the findings since their last suspension within the look-back period: their
 * weighted number (Art. 23(3)(a), (c)) and their share of everything of theirs decided
 * (Art. 23(3)(b)). A pure function: the service stores the standing, counts the findings and acts
 * on the step.
 */
public final class MisuseLadder {

    private MisuseLadder() {}

    /** The thresholds, each service's own config ({@code reporting.misuse.*}, {@code appeals.misuse.*}). */
    public interface Rules {

        /** Only findings within this period count. */
        Duration lookback();

        /** Weighted findings that earn a warning. */
        int warnAt();

        /** Weighted findings that, after a warning, earn a suspension. */
        int suspendAt();

        /** The least share of the person's decided items that must be unfounded for any step. */
        double minUnfoundedShare();

        /** A first suspension's length; each further one doubles it. */
        Duration suspension();

        /** The longest suspension. */
        Duration maxSuspension();
    }

    /** Where the person stands: their last warning and suspension (null: never) and how many suspensions so far. */
    public record Standing(Instant lastWarnedAt, Instant lastSuspendedAt, int suspensions) {}

    /** One of their items found manifestly unfounded: when, and how much it weighs (grave allegations weigh more). */
    public record Finding(UUID id, Instant decidedAt, int weight) {}

    /** What to do now. {@code counted} are the findings the step rests on, {@code until} a suspension's end. */
    public record Step(Kind kind, List<UUID> counted, int decided, Instant until) {

        public boolean is(Kind wanted) {
            return kind == wanted;
        }
    }

    public enum Kind {
        NONE,
        WARN,
        SUSPEND
    }

    /**
     * The next step for a person with {@code standing}, given their findings within the look-back period and the
     * number of their items decided in it.
     */
    public static Step next(Rules rules, Standing standing, List<Finding> findings, long decided, Instant now) {
        Instant lastSuspension = standing.lastSuspendedAt() != null ? standing.lastSuspendedAt() : Instant.EPOCH;
        List<Finding> counted = findings.stream()
                .filter(f -> f.decidedAt() != null && f.decidedAt().isAfter(lastSuspension))
                .toList();
        int score = counted.stream().mapToInt(Finding::weight).sum();
        double share = decided == 0 ? 0 : (double) counted.size() / decided;
        boolean warned = standing.lastWarnedAt() != null
                && standing.lastWarnedAt().isAfter(lastSuspension)
                && standing.lastWarnedAt().isAfter(now.minus(rules.lookback()));
        List<UUID> ids = counted.stream().map(Finding::id).toList();
        int total = (int) Math.min(decided, Integer.MAX_VALUE);
        if (share < rules.minUnfoundedShare()) {
            return new Step(Kind.NONE, ids, total, null);
        }
        if (!warned && score >= rules.warnAt()) {
            return new Step(Kind.WARN, ids, total, null);
        }
        if (warned && score >= rules.suspendAt()) {
            return new Step(Kind.SUSPEND, ids, total, now.plus(suspensionLength(rules, standing.suspensions())));
        }
        return new Step(Kind.NONE, ids, total, null);
    }

    /** The length of the next suspension after {@code suspensions} earlier ones: doubling, capped. */
    public static Duration suspensionLength(Rules rules, int suspensions) {
        Duration length = rules.suspension().multipliedBy(1L << Math.min(Math.max(suspensions, 0), 16));
        return length.compareTo(rules.maxSuspension()) > 0 ? rules.maxSuspension() : length;
    }
}
