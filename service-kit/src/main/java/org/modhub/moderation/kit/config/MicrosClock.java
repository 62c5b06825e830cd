package org.modhub.moderation.kit.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock whose instants are already cut to microseconds, what a PostgreSQL {@code timestamptz}
 * keeps: a time written and read back compares equal, and no caller truncates by hand.
 */
public final class MicrosClock extends Clock {

    private final Clock source;

    private MicrosClock(Clock source) {
        this.source = source;
    }

    /** {@code source} read at microsecond precision; a clock that already is one is returned as is. */
    public static Clock of(Clock source) {
        return source instanceof MicrosClock ? source : new MicrosClock(source);
    }

    @Override
    public Instant instant() {
        return source.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return source.millis();
    }

    @Override
    public ZoneId getZone() {
        return source.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosClock(source.withZone(zone));
    }
}
