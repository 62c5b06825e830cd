package org.modhub.moderation.dmca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * Replaces the kit's system clock in tests, so they travel to a deadline instead of waiting for it; read at
 * microseconds, as the kit's clock is (what PostgreSQL keeps).
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock just past {@code instant} (never backwards). */
    public void travelPast(Instant instant) {
        Duration gap = Duration.between(instant(), instant);
        if (!gap.isNegative()) {
            advance(gap.plusSeconds(1));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
