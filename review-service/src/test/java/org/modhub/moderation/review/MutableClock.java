package org.modhub.moderation.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * A clock tests move forward instead of waiting (read at microseconds, as the kit's clock is). An alternative: only a
 * test profile that enables it ({@link RetentionTest.MovingClock}) replaces the kit's clock, so time travel stays out
 * of the application every other test shares.
 */
@Alternative
@Singleton
public class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
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
