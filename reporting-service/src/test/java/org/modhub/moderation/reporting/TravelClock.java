package org.modhub.moderation.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * Replaces the kit's system clock (a {@code @DefaultBean}) in tests, so they travel past a retention period instead of
 * waiting for it. Tests that travel go back with {@link #reset()}.
 */
@Singleton
public class TravelClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

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
