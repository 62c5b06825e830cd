package org.modhub.moderation.appeals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long a decision may be appealed (DSA Art. 20(1): at least six months from when the person was told): until the
 * end of the same calendar day (UTC) {@code months} later, e.g. told 2026-05-03, last day 2026-11-03.
 */
public record AppealWindow(int months) {

    /** The DSA's minimum. */
    public static final int MIN_MONTHS = 6;

    /** The configured window, never below {@link #MIN_MONTHS}. */
    public static AppealWindow of(int configuredMonths) {
        return new AppealWindow(Math.max(MIN_MONTHS, configuredMonths));
    }

    /** The last day (UTC) an appellant told at {@code toldAt} may file. */
    public LocalDate closesOn(Instant toldAt) {
        return LocalDate.ofInstant(toldAt, ZoneOffset.UTC).plusMonths(months);
    }

    /** Whether the window of someone told at {@code toldAt} is closed at {@code now}. */
    public boolean closedAt(Instant toldAt, Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(closesOn(toldAt));
    }
}
