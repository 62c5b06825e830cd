package org.modhub.moderation.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * Replaces the kit's system clock in tests, so a test travels past a retention period instead of waiting for it; read
 * at microseconds, as the kit's clock is (what PostgreSQL keeps). Without an offset it is the system clock: a test that
 * moves it puts it back ({@link #reset()}), since every other test of the module runs on the same application.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Sets the clock to {@code by} after the system time. */
    public void setAhead(Duration by) {
        offset = by;
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

    @Override
    public Instant instant() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }
}
