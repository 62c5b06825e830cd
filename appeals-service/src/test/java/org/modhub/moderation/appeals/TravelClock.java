package org.modhub.moderation.appeals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * Replaces the kit's system clock (a {@code @DefaultBean}) in tests, so they travel to a window's
 * edge or a due time instead of waiting. Tests that travel go back with {@link #reset()}.
 */
@Singleton
public class TravelClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, the clock reads about {@code instant} (plus the real time that passes). */
    public void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** At microseconds, what PostgreSQL keeps, as the kit's clock reads. */
    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
